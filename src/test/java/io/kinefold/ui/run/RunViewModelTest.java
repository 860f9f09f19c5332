package io.kinefold.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.Await;
import io.kinefold.data.DatasetLoader;
import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.exec.RunOutcome;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.Status;
import io.kinefold.store.Store;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The view model without a window: updates are applied on the engine's threads themselves. */
class RunViewModelTest {
    @TempDir Path tmp;
    private AppContext context;
    private RunViewModel model;

    @BeforeEach
    void setUp() {
        context = new AppContext(tmp.resolve("t.db"));
        model = new RunViewModel(context, Runnable::run);
    }

    @AfterEach
    void tearDown() {
        model.cancel();
        context.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "x", "257", ""})
    void refusesWorkerCountsThatCannotRunWithAReason(String text) {
        model.workersProperty().set(text);

        assertThat(model.workersErrorProperty().get()).startsWith("Workers: ").contains("1 to 256");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "soon", "NaN"})
    void refusesTrialTimeoutsThatCannotBeUsedWithAReasonAndAcceptsEmptyForTheDefault(String text) {
        model.workersProperty().set("2");
        model.trialTimeoutProperty().set(text);

        assertThat(model.workersErrorProperty().get()).startsWith("Trial timeout: ");

        model.trialTimeoutProperty().set("");
        assertThat(model.workersErrorProperty().get()).isNull();
        model.trialTimeoutProperty().set(" 45 ");
        assertThat(model.workersErrorProperty().get()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "2", " 256 "})
    void acceptsAutoAndCountsFromOneTo256(String text) throws Exception {
        model.workersProperty().set("x");
        model.workersProperty().set(text);

        assertThat(model.workersErrorProperty().get()).isNull();
        // what auto comes to is asked of the machine in the background
        waitUntil(Duration.ofSeconds(10), () -> !model.reasonProperty().get().isEmpty());
        assertThat(model.reasonProperty().get()).contains("worker");
    }

    @Test
    @Tag("slow")
    void comparesSingleProcessWithAPoolAndStoresTheComparison() throws Exception {
        Path data = tmp.resolve("data");
        DatasetGenerator.generate(data, new DatasetGenerator.Options(4, 5, 3, 15));
        context.datasetProperty().set(DatasetLoader.load(data));
        context.specProperty().set(spec(List.of(8.0, 12.0)));
        model.workersProperty().set("2");

        RunOutcome pool = model.start(RunViewModel.Mode.COMPARE).get(90, TimeUnit.SECONDS);

        assertThat(pool).isNotNull();
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.statusProperty().get()).startsWith("Compared: single process ").contains("2 workers")
                .contains("metrics identical");
        assertThat(model.timeline()).extracting(TimelineBar::lane).contains("single w1").containsAnyOf("pool w1", "pool w2")
                .hasSize(12 + 12); // networks and baselines, in both modes
        assertThat(model.finishedRunProperty().get()).isEqualTo(pool.runId());
        try (Store store = Store.open(context.storeFile())) {
            assertThat(store.comparisonOf(pool.runId())).isPresent();
            assertThat(store.runs()).extracting(RunInfo::mode).containsExactlyInAnyOrder("compare-single", "compare-pool");
        }
    }

    @Test
    void asksForAValidExperimentBeforeRunning() throws Exception {
        Path data = tmp.resolve("data");
        DatasetGenerator.generate(data, new DatasetGenerator.Options(4, 5, 3, 15));
        context.datasetProperty().set(DatasetLoader.load(data));

        assertThat(model.start(true).get()).isNull();

        assertThat(model.errorProperty().get()).contains("Experiment tab");
        assertThat(model.specTextProperty().get()).contains("Experiment tab");
    }

    @Test
    void asksForADatasetBeforeRunning() throws Exception {
        assertThat(model.start(true).get()).isNull();

        assertThat(model.errorProperty().get()).isEqualTo("Open a dataset first");
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    @Tag("slow")
    void runsToTheEndWithChartsThenCancelsAndLeavesNoWorkerAlive() throws Exception {
        Path data = tmp.resolve("data");
        DatasetGenerator.generate(data, new DatasetGenerator.Options(4, 5, 3, 15));
        context.datasetProperty().set(DatasetLoader.load(data));
        model.workersProperty().set("1");

        context.specProperty().set(spec(List.of(8.0), 600));
        assertThat(model.start(true).get(25, TimeUnit.SECONDS)).isNotNull();

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.statusProperty().get()).contains("succeeded");
        assertThat(model.progressTextProperty().get()).startsWith("9 / 9 trials · ");
        assertThat(model.cpuSeries()).isNotEmpty();
        assertThat(model.cpuSeries().get(model.cpuSeries().size() - 1).getName()).isEqualTo("machine");
        assertThat(model.cpuSeries()).allSatisfy(s -> assertThat(s.getData()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.getYValue().doubleValue()).isBetween(0.0, 100.0)));
        assertThat(model.memorySeries().get(0).getData()).isNotEmpty();
        assertThat(model.messages()).isNotEmpty();
        assertThat(model.timeline()).hasSize(3 + 6).allSatisfy(bar -> {
            assertThat(bar.lane()).isEqualTo("w1");
            assertThat(bar.running()).isFalse();
            assertThat(bar.end()).isGreaterThanOrEqualTo(bar.start());
        });
        assertThat(model.finishedRunProperty().get()).isNotNull();
        model.showResults();
        assertThat(context.shownRunProperty().get()).isEqualTo(model.finishedRunProperty().get());

        context.specProperty().set(spec(List.of(8.0, 12.0, 16.0, 20.0, 24.0, 28.0), 600));
        CompletableFuture<RunOutcome> second = model.start(true);
        Set<Long> pids = new HashSet<>();
        waitUntil(Duration.ofSeconds(25), () -> {
            model.workerRows().forEach(r -> pids.add(r.pid()));
            return model.progressProperty().get() > 0;
        });
        model.workerRows().forEach(r -> pids.add(r.pid()));
        model.cancel();
        RunOutcome cancelled = second.get(10, TimeUnit.SECONDS);

        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo(RunViewModel.CANCELLED_TEXT);
        assertThat(model.progressProperty().get()).isLessThan(1.0);
        pids.remove(-1L);
        assertThat(pids).isNotEmpty();
        Await.until(Duration.ofSeconds(2),
                () -> pids.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
        assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

        // History's Resume: the missing trials run, the finished ones are not run again.
        assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
        int before = cancelled.ranNow();
        context.resumeRequestProperty().set(cancelled.runId());
        waitUntil(Duration.ofSeconds(60), () -> !model.runningProperty().get());
        assertThat(model.statusProperty().get()).startsWith("Run " + cancelled.runId() + " succeeded: 24 trials");
        assertThat(model.timeline()).hasSize(24 - before);
    }

    private static ExperimentSpec spec(List<Double> units) {
        return spec(units, 2);
    }

    /** With {@code epochs} high enough that a run outlasts the monitor's one-second sampling. */
    private static ExperimentSpec spec(List<Double> units, double epochs) {
        return new ExperimentSpec(ExperimentSpec.FORMAT, "tiny", null, 3, 7, null, List.of(
                new ModelGrid("start:squat", Map.of("units", units, "epochs", List.of(epochs),
                        "batchSize", List.of(256.0)))));
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
