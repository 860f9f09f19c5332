package io.kinefold;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.kinefold.experiment.Status;
import io.kinefold.model.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The layers of DESIGN.md, bottom to top: {@code data} and {@code monitor}, then {@code model},
 * {@code kind} (the model kinds, which join data and model), {@code experiment}, {@code store}, {@code exec}, {@code cluster},
 * {@code report}, the two faces {@code cli} and
 * {@code ui}, and {@code Main}. A layer uses only those below it; no package cycles; the GUI's
 * feature packages share {@code ui.common} and never use each other; the engine runs without JavaFX.
 */
@AnalyzeClasses(packages = "io.kinefold", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Data").definedBy("io.kinefold.data..")
            .layer("Monitor").definedBy("io.kinefold.monitor..")
            .layer("Model").definedBy("io.kinefold.model..")
            .layer("Kind").definedBy("io.kinefold.kind..")
            .layer("Experiment").definedBy("io.kinefold.experiment..")
            .layer("Store").definedBy("io.kinefold.store..")
            .layer("Exec").definedBy("io.kinefold.exec..")
            .layer("Cluster").definedBy("io.kinefold.cluster..")
            .layer("Report").definedBy("io.kinefold.report..")
            .layer("Cli").definedBy("io.kinefold.cli..")
            .layer("Ui").definedBy("io.kinefold.ui..")
            .layer("Main").definedBy("io.kinefold")
            .whereLayer("Main").mayNotBeAccessedByAnyLayer()
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("Main")
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("Main")
            .whereLayer("Report").mayOnlyBeAccessedByLayers("Cli", "Ui", "Main")
            .whereLayer("Cluster").mayOnlyBeAccessedByLayers("Cli", "Ui", "Main")
            .whereLayer("Exec").mayOnlyBeAccessedByLayers("Cluster", "Report", "Cli", "Ui", "Main")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Exec", "Cluster", "Report", "Cli", "Ui", "Main")
            .whereLayer("Experiment").mayOnlyBeAccessedByLayers("Store", "Exec", "Cluster", "Report", "Cli", "Ui", "Main")
            .whereLayer("Kind").mayOnlyBeAccessedByLayers("Experiment", "Store", "Exec", "Cluster", "Report", "Cli", "Ui", "Main")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("Kind", "Experiment", "Store", "Exec", "Cluster", "Report", "Cli", "Ui", "Main")
            .whereLayer("Monitor").mayOnlyBeAccessedByLayers("Model", "Kind", "Experiment", "Store", "Exec", "Cluster", "Report", "Cli", "Ui",
                    "Main")
            .whereLayer("Data").mayOnlyBeAccessedByLayers("Model", "Kind", "Experiment", "Store", "Exec", "Cluster", "Report", "Cli", "Ui",
                    "Main");

    @ArchTest
    static final ArchRule layersPointOneWay = LAYERS;

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.kinefold.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule viewsShareOnlyUiCommon = slices().matching("io.kinefold.ui.(*)..").should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(), JavaClass.Predicates.resideInAPackage("io.kinefold.ui.common.."));

    @ArchTest
    static final ArchRule nothingOutsideTheUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("io.kinefold.ui..")
            .and().doNotHaveFullyQualifiedName("io.kinefold.Main")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    /** Hazelcast stays behind the cluster package: the rest of the app knows nodes, not members. */
    @ArchTest
    static final ArchRule onlyTheClusterPackageUsesHazelcast = noClasses()
            .that().resideOutsideOfPackage("io.kinefold.cluster..")
            .should().dependOnClassesThat().resideInAPackage("com.hazelcast..");

    @ArchTest
    static final ArchRule theCommandLineDoesNotUseTheGui = noClasses()
            .that().resideInAPackage("io.kinefold.cli..")
            .should().dependOnClassesThat().resideInAPackage("io.kinefold.ui..");

    /** The rule has teeth: a model class that uses the experiment layer (as Trainer once used Metrics) breaks it. */
    @Test
    void theLayerRuleRefusesAModelClassThatReachesUpIntoExperiment() throws ClassNotFoundException {
        JavaClasses classes = new ClassFileImporter().importClasses(Trainer.class, Status.class,
                Class.forName("io.kinefold.model.LayerBreaker"));

        assertThatThrownBy(() -> LAYERS.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.kinefold.model.LayerBreaker");
    }
}
