package org.fellowship.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * The package rules of the code base, kept apart from the test that checks them so that {@code
 * ArchitectureRulesCatchViolationsTest} can show each one failing on a planted violation.
 */
final class ArchitectureRules {
    /** The feature packages: each owns its commands and state and may use only the shared core, never another. */
    static final List<String> FEATURES = List.of("org.fellowship.core.checkin..", "org.fellowship.core.meeting..",
            "org.fellowship.core.milestone..", "org.fellowship.core.profile..", "org.fellowship.core.safety..",
            "org.fellowship.core.mentor..", "org.fellowship.core.privacy..", "org.fellowship.moderation..");

    /** The shared core every feature builds on. */
    static final String[] SHARED_CORE = {"org.fellowship.core.engine..", "org.fellowship.core.port..",
            "org.fellowship.core.model..", "org.fellowship.core.event..", "org.fellowship.core.outbound..",
            "org.fellowship.core.command..", "org.fellowship.core.schedule..", "org.fellowship.core.store..",
            "org.fellowship.core.text..", "org.fellowship.core.time..", "org.fellowship.core.alert.."};

    /** What a platform adapter may see of the core: the ports it implements and the vocabulary they speak. */
    static final String[] ADAPTER_VISIBLE_CORE = {"org.fellowship.core.port..", "org.fellowship.core.model..",
            "org.fellowship.core.event..", "org.fellowship.core.outbound..", "org.fellowship.core.text.."};

    /**
     * Main classes only: besides the test-classes folders, bot-core's test kit reaches the app's test class path as a
     * {@code -tests.jar}, which ArchUnit's own test filter does not recognise.
     */
    static final ImportOption PRODUCTION_CLASSES = location -> isProduction(location);

    static final ArchRule CORE_PACKAGES_FREE_OF_CYCLES = slices().matching("org.fellowship.core.(*)..")
            .should().beFreeOfCycles()
            .because("a package cycle means neither side can be understood or changed alone");

    static final ArchRule MODULES_FREE_OF_CYCLES = slices().matching("org.fellowship.(*)..")
            .should().beFreeOfCycles();

    static final ArchRule FEATURES_INDEPENDENT = slices().assignedFrom(featureSlices())
            .should().notDependOnEachOther()
            .because("what two features share goes through a port or the shared core");

    static final ArchRule SHARED_CORE_FREE_OF_FEATURES = noClasses().that().resideInAnyPackage(SHARED_CORE)
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES.toArray(String[]::new))
            .because("the engine, ports and model know no feature; features register into them");

    static final ArchRule ADAPTERS_SEE_ONLY_PORTS = noClasses()
            .that().resideInAnyPackage("org.fellowship.discord..", "org.fellowship.telegram..")
            .should().dependOnClassesThat(resideInAPackage("org.fellowship.core..")
                    .and(not(resideInAnyPackage(ADAPTER_VISIBLE_CORE))))
            .allowEmptyShould(true)
            .because("an adapter implements ports and maps platform types to the core's model, nothing more"
                    + " (text holds dependency-free helpers such as command-line parsing)");

    private ArchitectureRules() {
    }

    static boolean isProduction(Location location) {
        return new ImportOption.DoNotIncludeTests().includes(location) && !location.contains("-tests.jar");
    }

    private static SliceAssignment featureSlices() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                for (String feature : FEATURES) {
                    if (resideInAPackage(feature).test(javaClass)) {
                        return SliceIdentifier.of(feature.substring(0, feature.length() - 2));
                    }
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "feature packages " + FEATURES;
            }
        };
    }
}
