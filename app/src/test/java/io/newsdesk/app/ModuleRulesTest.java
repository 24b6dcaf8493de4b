package io.newsdesk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md, checked on every build. Plain JUnit tests over ArchUnit's rule API (ArchUnit's own
 * JUnit engine does not run on the JUnit 6 platform that Quarkus brings).
 */
class ModuleRulesTest {

    private static final String[] CAPABILITIES = {"io.newsdesk.recommend..", "io.newsdesk.generation..",
            "io.newsdesk.speech..", "io.newsdesk.vision..", "io.newsdesk.translation.."};

    static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.newsdesk");
    }

    @Test
    void capabilityModulesMeetOnlyThroughCore() {
        slices().matching("io.newsdesk.(recommend|generation|speech|vision|translation)..")
                .should().notDependOnEachOther().allowEmptyShould(true).check(classes);
    }

    @Test
    void coreNeverImportsACapabilityOrTheApp() {
        String[] forbidden = java.util.Arrays.copyOf(CAPABILITIES, CAPABILITIES.length + 1);
        forbidden[CAPABILITIES.length] = "io.newsdesk.app..";
        noClasses().that().resideInAPackage("io.newsdesk.core..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden).check(classes);
    }

    @Test
    void capabilityModulesDoNotDependOnTheApp() {
        noClasses().that().resideInAnyPackage(CAPABILITIES)
                .should().dependOnClassesThat().resideInAPackage("io.newsdesk.app..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void restResourcesLiveInApiPackages() {
        noClasses().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().resideOutsideOfPackages("..api..").check(classes);
    }

    @Test
    void apiPackagesNeverTouchEntities() {
        noClasses().that().resideInAPackage("..api..")
                .should().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class)
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void theRulesSeeTheWholeService() {
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("io.newsdesk.core.content")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("io.newsdesk.app.demo")).isTrue();
    }
}
