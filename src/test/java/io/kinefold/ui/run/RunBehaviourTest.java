package io.kinefold.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.DatasetLoader;
import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.exec.CompareWorkflow;
import io.kinefold.exec.ExecutorFactory;
import io.kinefold.exec.MachineState;
import io.kinefold.exec.Progress;
import io.kinefold.exec.RunOutcome;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the run view model shows around the work (issue 14): refused starts, terminal texts, the
 * time left, the warnings, and charts across a comparison's phases. Runs on executors that pace
 * trials without training ({@link PacedExecutor}), updates applied on the engine's threads.
 */
class RunBehaviourTest {
    private static final long GB = 1_000_000_000L;

    @TempDir Path tmp;
    private AppContext context;
    private RunViewModel model;

    private RunViewModel model(ExecutorFactory executors, CompareWorkflow.Options options, MachineState machine) {
        context = new AppContext(tmp.resolve("t.db"));
        model = new RunViewModel(context, Runnable::run,
                new RunViewModel.Engine(executors, options, () -> machine, machine::cpuLoad));
        return model;
    }

    private RunViewModel model(ExecutorFactory executors) {
        return model(executors, new CompareWorkflow.Options(false, false), new MachineState(64, 256 * GB, 0.02));
    }

    @AfterEach
    void tearDown() {
        if (model != null) {
            model.cancel();
        }
        if (context != null) {
            context.close();
        }
    }

    private void openDatasetAndSpec() throws Exception {
        Path data = tmp.resolve("data");
        DatasetGenerator.generate(data, new DatasetGenerator.Options(4, 5, 3, 15));
        context.datasetProperty().set(DatasetLoader.load(data));
        context.specProperty().set(new ExperimentSpec(ExperimentSpec.FORMAT, "paced", null, 3, 7, null, List.of(
                new ModelGrid("start:squat", Map.of("units", List.of(8.0), "epochs", List.of(2.0), "batchSize", List.of(256.0))))));
    }

    @Test
    void runButtonsAreOffWithoutAValidSpec() throws Exception {
        model(PacedExecutor.factory(1));
        assertThat(model.runBlockedProperty().get()).contains("open a dataset");

        Path data = tmp.resolve("data");
        DatasetGenerator.generate(data, new DatasetGenerator.Options(4, 5, 3, 15));
        context.datasetProperty().set(DatasetLoader.load(data));
        assertThat(model.runBlockedProperty().get()).contains("fix them in the Experiment tab");

        context.specProperty().set(new ExperimentSpec(ExperimentSpec.FORMAT, "paced", null, 3, 7, null, List.of(
                new ModelGrid("start:squat", Map.of("units", List.of(8.0), "epochs", List.of(2.0), "batchSize", List.of(256.0))))));
        assertThat(model.runBlockedProperty().get()).isNull();
    }

    @Test
    @Tag("slow")
    void aRefusedStartShowsTheProblemOnceAndNothingOfTheLastRun() throws Exception {
        model(PacedExecutor.factory(2.5));
        openDatasetAndSpec();
        model.workersProperty().set("1");
        assertThat(model.start(true).get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(model.cpuSeries()).isNotEmpty();
        assertThat(model.workerCpuSeries()).isNotEmpty();
        assertThat(model.timeline()).isNotEmpty();

        context.specProperty().set(null);
        assertThat(model.start(true).get(5, TimeUnit.SECONDS)).isNull();

        assertThat(model.errorProperty().get()).contains("Experiment tab");
        assertThat(model.statusProperty().get()).isEqualTo("Not started").isNotEqualTo(model.errorProperty().get());
        assertThat(model.progressProperty().get()).isZero();
        assertThat(model.progressTextProperty().get()).isEqualTo("No run");
        assertThat(model.cpuSeries()).isEmpty();
        assertThat(model.workerCpuSeries()).isEmpty();
        assertThat(model.workerRows()).isEmpty();
        assertThat(model.timeline()).isEmpty();
        assertThat(model.finishedRunProperty().get()).isNull();
    }

    @Test
    @Tag("slow")
    void cancelLeavesNoStaleStatusText() throws Exception {
        model(PacedExecutor.factory(Double.POSITIVE_INFINITY));
        openDatasetAndSpec();
        model.workersProperty().set("2");
        CompletableFuture<RunOutcome> run = model.start(true);
        waitUntil(Duration.ofSeconds(20), () -> model.statusProperty().get().startsWith("Running"));
        assertThat(model.statusProperty().get()).isEqualTo("Running “paced” in a pool of 2 workers");

        model.cancel();
        run.get(10, TimeUnit.SECONDS);

        assertThat(model.statusProperty().get()).isEqualTo(RunViewModel.CANCELLED_TEXT);
        assertThat(model.progressTextProperty().get()).endsWith("cancelled").doesNotContain("left")
                .doesNotContain("starting").doesNotContain("Preparing");
    }

    @Test
    @Tag("slow")
    void cancelDuringTheReferenceMeasurementStopsItPromptlyAndLeavesNoStaleText() throws Exception {
        model(PacedExecutor.factory(1), new CompareWorkflow.Options(true, false), new MachineState(64, 256 * GB, 0.02));
        openDatasetAndSpec();
        model.workersProperty().set("2");
        CompletableFuture<RunOutcome> compare = model.start(RunViewModel.Mode.COMPARE);
        waitUntil(Duration.ofSeconds(20), () -> model.progressTextProperty().get().startsWith("Measuring"));

        long start = System.nanoTime();
        model.cancel();
        compare.get(10, TimeUnit.SECONDS);

        assertThat((System.nanoTime() - start) / 1e9).isLessThan(4.0);
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo(RunViewModel.CANCELLED_TEXT);
        assertThat(model.progressTextProperty().get()).doesNotContain("Measuring").endsWith("cancelled");
    }

    @Test
    void timeLeftSaysEstimatingUntilItMeansSomething() {
        assertThat(RunStatus.progressLine(new Progress(1, 30, 0, 4, Double.NaN, null)))
                .isEqualTo("1 / 30 trials · 0:04 elapsed · estimating time left…");
        assertThat(RunStatus.progressLine(new Progress(10, 30, 0, 40, 75, null))).endsWith("· ~1:15 left");
        assertThat(RunStatus.progressLine(new Progress(30, 30, 0, 120, 0, null))).doesNotContain("left");
    }

    @Test
    void warnsWhenWorkersExceedCores() throws Exception {
        model(PacedExecutor.factory(1), new CompareWorkflow.Options(false, false), new MachineState(2, 256 * GB, 0.02));

        model.workersProperty().set("4");

        waitUntil(Duration.ofSeconds(10), () -> model.warnings().stream().anyMatch(w -> w.startsWith("4 workers")));
        assertThat(model.warnings()).singleElement().asString().startsWith("4 workers on 2 cores");
        model.workersProperty().set("2");
        waitUntil(Duration.ofSeconds(10), () -> model.warnings().isEmpty());
    }

    @Test
    void warnsWhenWorkersExceedWhatMemoryHolds() throws Exception {
        model(PacedExecutor.factory(1), new CompareWorkflow.Options(false, false), new MachineState(64, 2 * GB, 0.02));

        model.workersProperty().set("3");

        // The warnings are worked out in the background: wait for those of 3 workers, not an earlier count's.
        waitUntil(Duration.ofSeconds(10), () -> model.warnings().stream().anyMatch(w -> w.startsWith("3 workers")));
        assertThat(model.warnings()).singleElement().asString().startsWith("3 workers need about").contains("swap");
    }

    @Test
    @Tag("slow")
    void warnsWhenTheMachineIsBusyBeforeACompare() throws Exception {
        model(PacedExecutor.factory(0.5), new CompareWorkflow.Options(false, false), new MachineState(64, 256 * GB, 0.7));
        openDatasetAndSpec();
        model.workersProperty().set("2");

        model.start(RunViewModel.Mode.COMPARE).get(30, TimeUnit.SECONDS);

        assertThat(model.warnings()).anySatisfy(w -> assertThat(w).startsWith("The machine is already busy: other processes use 70 %"));
        assertThat(model.messages()).anySatisfy(m -> assertThat(m).startsWith("Warning: The machine is already busy"));
    }

    @Test
    @Tag("slow")
    void chartsKeepDrawingInTheSecondPhaseOfACompare() throws Exception {
        model(PacedExecutor.factory(3));
        openDatasetAndSpec();
        model.workersProperty().set("2");
        AtomicInteger atPhaseTwo = new AtomicInteger(-1);
        AtomicInteger workerLinesAtPhaseTwo = new AtomicInteger(-1);
        model.statusProperty().addListener((obs, old, text) -> {
            if (text.startsWith("Comparison 2 of 2")) {
                atPhaseTwo.set(points(model.cpuSeries()));
                workerLinesAtPhaseTwo.set(points(model.workerCpuSeries()));
            }
        });

        assertThat(model.start(RunViewModel.Mode.COMPARE).get(60, TimeUnit.SECONDS)).isNotNull();

        assertThat(atPhaseTwo.get()).as("machine points drawn in phase 1").isPositive();
        assertThat(points(model.cpuSeries())).as("machine points drawn in phase 2").isGreaterThan(atPhaseTwo.get());
        assertThat(workerLinesAtPhaseTwo.get()).as("worker points in phase 1").isPositive();
        assertThat(model.workerCpuSeries()).extracting(XYChart.Series::getName).contains("single w1", "pool w1");
        assertThat(model.workerCpuSeries()).allSatisfy(s -> assertThat(s.getData()).isNotEmpty());
    }

    /** The points of the last series (the machine's line for the CPU chart). */
    private static int points(List<XYChart.Series<Number, Number>> series) {
        return series.isEmpty() ? 0 : series.get(series.size() - 1).getData().size();
    }

    private static void waitUntil(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
