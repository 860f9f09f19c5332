package io.kinefold;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine runs without JavaFX; the command line and the GUI sit on top of it, never below. */
@AnalyzeClasses(packages = "io.kinefold", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule nothingOutsideTheUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("io.kinefold.ui..")
            .and().doNotHaveFullyQualifiedName("io.kinefold.Main")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule theEngineNeverReachesUpIntoAFace = noClasses()
            .that().resideInAnyPackage("io.kinefold.data..", "io.kinefold.model..", "io.kinefold.experiment..",
                    "io.kinefold.exec..", "io.kinefold.monitor..", "io.kinefold.store..", "io.kinefold.report..")
            .should().dependOnClassesThat().resideInAnyPackage("io.kinefold.ui..", "io.kinefold.cli..");

    @ArchTest
    static final ArchRule theCommandLineDoesNotUseTheGui = noClasses()
            .that().resideInAPackage("io.kinefold.cli..")
            .should().dependOnClassesThat().resideInAPackage("io.kinefold.ui..");
}
