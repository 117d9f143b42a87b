package org.fellowship.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module dependency rule (README, "Modules"), checked on the compiled classes of every module. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
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
}
