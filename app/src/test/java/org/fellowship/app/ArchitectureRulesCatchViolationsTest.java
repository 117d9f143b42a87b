package org.fellowship.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each package rule, run on the production classes plus a few deliberately wrong test classes ({@code Planted*}),
 * reports exactly the planted class it exists to catch: a rule that cannot fail would pass here too.
 */
class ArchitectureRulesCatchViolationsTest {
    private static JavaClasses productionAndPlanted;

    @BeforeAll
    static void importClasses() {
        ImportOption productionOrPlanted = location -> ArchitectureRules.isProduction(location)
                || location.contains("/Planted");
        productionAndPlanted = new ClassFileImporter().withImportOption(productionOrPlanted)
                .importPackages("org.fellowship");
    }

    @Test
    void theImportHoldsThePlantedClasses() {
        assertThat(productionAndPlanted.stream().filter(c -> c.getSimpleName().startsWith("Planted"))).hasSize(5);
    }

    @Test
    void aStoreUsingTheEngineIsACycle() {
        assertCaught(ArchitectureRules.CORE_PACKAGES_FREE_OF_CYCLES, "PlantedStoreCallingEngine");
    }

    @Test
    void bottomOfTheStackUsingAModuleAboveIsACycle() {
        assertCaught(ArchitectureRules.MODULES_FREE_OF_CYCLES, "PlantedTextUsingModeration");
    }

    @Test
    void oneFeatureReadingAnothersTypeIsCaught() {
        assertCaught(ArchitectureRules.FEATURES_INDEPENDENT, "PlantedCheckinReadingMeetings");
    }

    @Test
    void theEngineKnowingAFeatureIsCaught() {
        assertCaught(ArchitectureRules.SHARED_CORE_FREE_OF_FEATURES, "PlantedEngineKnowingMeetings");
    }

    @Test
    void anAdapterSeeingTheEngineIsCaught() {
        assertCaught(ArchitectureRules.ADAPTERS_SEE_ONLY_PORTS, "PlantedTelegramUsingTurn");
    }

    private static void assertCaught(ArchRule rule, String plantedClass) {
        EvaluationResult result = rule.evaluate(productionAndPlanted);
        assertThat(result.hasViolation()).as("%s catches %s", rule.getDescription(), plantedClass).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains(plantedClass));
    }
}
