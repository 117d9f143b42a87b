package org.fellowship.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module dependency rule (README, "Modules") and the package rules ({@link ArchitectureRules}, described in
 * docs/architecture.md), checked on the compiled classes of every module.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ArchitectureRules.PRODUCTION_CLASSES)
                .importPackages("org.fellowship");
    }

    @Test
    void coreImportsNoFrameworkPlatformOrRedisLibrary() {
        noClasses().that().resideInAPackage("org.fellowship.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.javacord..",
                        "org.telegram..", "io.lettuce..", "com.fasterxml.jackson..", "redis..", "ai.onnxruntime..",
                        "opennlp..")
                .because("bot-core is plain Java behind its ports (the semantic stage is the SemanticScorer port)")
                .check(classes);
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.fellowship.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fellowship.moderation..",
                        "org.fellowship.redis..", "org.fellowship.discord..", "org.fellowship.telegram..",
                        "org.fellowship.app..")
                .check(classes);
    }

    @Test
    void adaptersDependOnNeitherEachOtherNorModeration() {
        noClasses().that().resideInAPackage("org.fellowship.discord..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fellowship.telegram..",
                        "org.fellowship.moderation..", "org.fellowship.redis..", "org.fellowship.app..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("org.fellowship.telegram..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fellowship.discord..",
                        "org.fellowship.moderation..", "org.fellowship.redis..", "org.fellowship.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void moderationSeesOnlyTheCore() {
        noClasses().that().resideInAPackage("org.fellowship.moderation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fellowship.redis..",
                        "org.fellowship.discord..", "org.fellowship.telegram..", "org.fellowship.app..",
                        "org.springframework..", "io.lettuce..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheAppUsesSpring() {
        noClasses().that().resideOutsideOfPackage("org.fellowship.app..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void corePackagesFormNoCycle() {
        ArchitectureRules.CORE_PACKAGES_FREE_OF_CYCLES.check(classes);
    }

    @Test
    void modulesFormNoCycle() {
        ArchitectureRules.MODULES_FREE_OF_CYCLES.check(classes);
    }

    @Test
    void featuresAreIndependentOfEachOther() {
        ArchitectureRules.FEATURES_INDEPENDENT.check(classes);
    }

    @Test
    void sharedCoreKnowsNoFeature() {
        ArchitectureRules.SHARED_CORE_FREE_OF_FEATURES.check(classes);
    }

    @Test
    void adaptersSeeOnlyPortsAndTheirVocabulary() {
        ArchitectureRules.ADAPTERS_SEE_ONLY_PORTS.check(classes);
    }
}
