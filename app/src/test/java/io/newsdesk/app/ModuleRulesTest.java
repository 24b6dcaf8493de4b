package io.newsdesk.app;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module rules of DESIGN.md, checked on every build. */
@AnalyzeClasses(packages = "io.newsdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule capability_modules_meet_only_through_core =
            slices().matching("io.newsdesk.(recommend|generation|speech|vision|translation)..").should().notDependOnEachOther()
                    .allowEmptyShould(true);

    @ArchTest
    static final ArchRule core_never_imports_a_capability_or_the_app =
            noClasses().that().resideInAPackage("io.newsdesk.core..")
                    .should().dependOnClassesThat().resideInAnyPackage("io.newsdesk.recommend..", "io.newsdesk.generation..",
                            "io.newsdesk.speech..", "io.newsdesk.vision..", "io.newsdesk.translation..", "io.newsdesk.app..");

    @ArchTest
    static final ArchRule capability_modules_do_not_depend_on_the_app =
            noClasses().that().resideInAnyPackage("io.newsdesk.recommend..", "io.newsdesk.generation..",
                            "io.newsdesk.speech..", "io.newsdesk.vision..", "io.newsdesk.translation..")
                    .should().dependOnClassesThat().resideInAPackage("io.newsdesk.app..")
                    .allowEmptyShould(true);

    @ArchTest
    static final ArchRule rest_resources_live_in_api_packages =
            noClasses().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                    .should().resideOutsideOfPackages("..api..")
                    .allowEmptyShould(true);

    @ArchTest
    static final ArchRule entities_stay_out_of_api_packages =
            noClasses().that().resideInAPackage("..api..")
                    .should().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class);
}
