package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kinefold.data.ModelId;
import io.kinefold.data.ModelKind;
import io.kinefold.experiment.EarlyStopping;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.experiment.ModelPlan;
import io.kinefold.experiment.Plan;
import io.kinefold.experiment.Provenance;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.kind.Kinds;
import io.kinefold.kind.PoseKind;
import io.kinefold.kind.RepKind;
import io.kinefold.model.Hyperparameters;
import io.kinefold.model.Metrics;
import io.kinefold.monitor.ResourceSampleRow;
import io.kinefold.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forecast grows with the work asked for, shrinks with workers, and learns from stored trials. */
class RunEstimateTest {
    private static final ToIntFunction<ModelId> SAMPLES = id -> id.kind().equals(RepKind.KIND) ? 96 : 3300;

    private static Plan plan(int folds, EarlyStopping earlyStopping, List<Map<String, Double>> poseGrid,
                             List<Map<String, Double>> repGrid) {
        List<ModelPlan> models = new ArrayList<>();
        models.add(new ModelPlan(PoseKind.id(), points(PoseKind.KIND, poseGrid)));
        if (!repGrid.isEmpty()) {
            models.add(new ModelPlan(RepKind.id("squat"), points(RepKind.KIND, repGrid)));
        }
        ExperimentSpec spec = new ExperimentSpec(ExperimentSpec.FORMAT, "t", "d", folds, 1, earlyStopping,
                List.of(new ModelGrid("pose", Map.of())));
        return new Plan(spec, models);
    }

    private static List<Hyperparameters> points(ModelKind kind, List<Map<String, Double>> grid) {
        return grid.stream().map(p -> Kinds.of(kind).hyperparameters(p)).toList();
    }

    private static RunEstimate estimate(Plan plan, int workers) {
        return RunEstimate.of(plan, SAMPLES, RunEstimate.Calibration.defaults(), workers);
    }

    @Test
    void moreEpochsTakeLonger() {
        double ten = estimate(plan(3, null, List.of(Map.of("epochs", 10.0)), List.of(Map.of("epochs", 10.0))), 1).singleSeconds();
        double twenty = estimate(plan(3, null, List.of(Map.of("epochs", 20.0)), List.of(Map.of("epochs", 20.0))), 1).singleSeconds();

        assertThat(twenty).isGreaterThan(ten);
        // linear in epochs, apart from starting the worker
        assertThat(twenty - RunEstimate.WORKER_START_SECONDS)
                .isCloseTo(2 * (ten - RunEstimate.WORKER_START_SECONDS), within(1e-6));
    }

    @Test
    void moreGridPointsAndMoreFoldsTakeLonger() {
        List<Map<String, Double>> one = List.of(Map.of("units", 32.0));
        List<Map<String, Double>> two = List.of(Map.of("units", 32.0), Map.of("units", 16.0));

        double small = estimate(plan(3, null, one, List.of()), 1).singleSeconds();
        assertThat(estimate(plan(3, null, two, List.of()), 1).singleSeconds()).isGreaterThan(small);
        assertThat(estimate(plan(5, null, one, List.of()), 1).singleSeconds()).isGreaterThan(small);
    }

    @Test
    void workersShareTheTimeButNeverBeatTheLongestTrial() {
        Plan plan = plan(4, null, List.of(Map.of()), List.of(Map.of("epochs", 200.0)));
        RunEstimate one = estimate(plan, 1);
        RunEstimate two = estimate(plan, 2);
        RunEstimate many = estimate(plan, 64);
        double longestRep = RunEstimate.Calibration.defaults().seconds(new Trial(RepKind.id("squat"), 0,
                Map.of("epochs", 200.0), 0), (int) (96 * 3 / 4.0));

        assertThat(two.poolSeconds()).isLessThan(one.singleSeconds());
        assertThat(many.workers()).isEqualTo(8); // no more workers than trials
        assertThat(many.poolSeconds()).isCloseTo(longestRep + RunEstimate.WORKER_START_SECONDS, within(1e-6));
        assertThat(two.memoryBytes(2)).isGreaterThan(one.memoryBytes(1));
    }

    @Test
    void describesTimesMemoryAndWhereTheFiguresComeFrom() {
        RunEstimate e = estimate(plan(3, null, List.of(Map.of()), List.of(Map.of())), 2);

        assertThat(e.describe()).startsWith("≈ ").contains(" in one process · ≈ ").contains(" with 2 workers · ~")
                .contains("GB RAM (2 workers × ~0.4 GB + the app) — rough, from default timings");
        assertThat(estimate(plan(3, new EarlyStopping(3, 0.2), List.of(Map.of()), List.of()), 1).describe())
                .startsWith("≤ ").doesNotContain("with 1 workers");
        assertThat(Progress.clock(100)).isEqualTo("1:40");
        assertThat(Progress.clock(3725)).isEqualTo("1:02:05");
    }

    @Test
    void storedTrialsRecalibrateTheirKindOnly() {
        Plan plan = plan(3, null, List.of(Map.of()), List.of(Map.of()));
        RunEstimate.Calibration defaults = RunEstimate.Calibration.defaults();
        List<TrialResult> slowPose = new ArrayList<>();
        for (int fold = 0; fold < 5; fold++) {
            Trial t = new Trial(PoseKind.id(), 0, Map.of(), fold);
            double expected = defaults.seconds(t, 2200);
            slowPose.add(TrialResult.succeeded(t, metrics(20, 2200), "w1", 10 * expected));
        }

        RunEstimate.Calibration learned = RunEstimate.Calibration.fromResults(slowPose);

        assertThat(learned.storedTrials()).isEqualTo(5);
        assertThat(learned.secondsPerUnit().get(PoseKind.KIND))
                .isCloseTo(10 * defaults.secondsPerUnit().get(PoseKind.KIND), within(1e-9));
        assertThat(learned.secondsPerUnit().get(RepKind.KIND)).isEqualTo(defaults.secondsPerUnit().get(RepKind.KIND));
        assertThat(RunEstimate.of(plan, SAMPLES, learned, 1).singleSeconds())
                .isGreaterThan(RunEstimate.of(plan, SAMPLES, defaults, 1).singleSeconds());
        assertThat(RunEstimate.of(plan, SAMPLES, learned, 1).describe()).endsWith("from 5 stored trials");
        // two trials are too few to replace a default
        assertThat(RunEstimate.Calibration.fromResults(slowPose.subList(0, 2)).secondsPerUnit())
                .isEqualTo(defaults.secondsPerUnit());
    }

    @Test
    void aTrialStoppedEarlyIsCostedForTheEpochsItRan() {
        RunEstimate.Calibration defaults = RunEstimate.Calibration.defaults();
        List<TrialResult> halfway = new ArrayList<>();
        for (int fold = 0; fold < 3; fold++) {
            Trial t = new Trial(PoseKind.id(), 0, Map.of("epochs", 20.0), fold);
            halfway.add(TrialResult.succeeded(t, metrics(10, 2200), "w1", defaults.seconds(t, 2200) / 2));
        }

        assertThat(RunEstimate.Calibration.fromResults(halfway).secondsPerUnit().get(PoseKind.KIND))
                .isCloseTo(defaults.secondsPerUnit().get(PoseKind.KIND), within(1e-9));
    }

    @Test
    void readsTheCalibrationFromTheStore(@TempDir Path tmp) throws Exception {
        try (Store store = Store.open(tmp.resolve("t.db"))) {
            ExperimentSpec spec = new ExperimentSpec(ExperimentSpec.FORMAT, "t", "d", 3, 1, null,
                    List.of(new ModelGrid("rep:squat", Map.of())));
            long experiment = store.createExperiment(spec);
            long run = store.createRun(experiment, "pool", 2, "d",
                    new Provenance("test", "17", "1.0", "linux", "cpu", 2, 1L << 30, "fp"), 3);
            long session = store.startSession(run);
            for (int fold = 0; fold < 3; fold++) {
                Trial t = new Trial(RepKind.id("squat"), 0, Map.of(), fold);
                store.recordTrial(run, session, TrialResult.succeeded(t, metrics(30, 64), "w1",
                        3 * RunEstimate.Calibration.defaults().seconds(t, 64)));
            }

            store.recordSamples(run, List.of(new ResourceSampleRow(run, 1, "w1", "rssMb", 400),
                    new ResourceSampleRow(run, 2, "w1", "rssMb", 600), new ResourceSampleRow(run, 2, "machine", "memUsedMb", 9000)));
            RunEstimate.Calibration learned = RunEstimate.Calibration.fromStore(store, 1000);

            assertThat(learned.workerBytes()).as("the workers' peak RSS").isEqualTo(600L << 20);
            assertThat(learned.storedTrials()).isEqualTo(3);
            assertThat(learned.secondsPerUnit().get(RepKind.KIND)).isCloseTo(3 * RepKind.SECONDS_PER_UNIT, within(1e-9));
        }
    }

    private static Metrics metrics(int epochs, int trainSamples) {
        return new Metrics(0.8, 0.8, new int[][] {{1, 0}, {0, 1}}, 1, epochs, trainSamples, 10);
    }

    @Test
    void trialsSideBySideTakeAsMuchLongerAsAStoredComparisonMeasured(@TempDir Path tmp) throws Exception {
        Plan plan = plan(3, null, List.of(Map.of(), Map.of("units", 16.0)), List.of(Map.of(), Map.of("lstmUnits", 16.0)));
        RunEstimate plain = estimate(plan, 2);
        RunEstimate.Calibration slow = RunEstimate.Calibration.defaults().withPoolSlowdown(Map.of(2, 1.5));

        RunEstimate stretched = RunEstimate.of(plan, SAMPLES, slow, 2);

        assertThat(stretched.singleSeconds()).isEqualTo(plain.singleSeconds());
        assertThat(stretched.poolSeconds() - RunEstimate.WORKER_START_SECONDS)
                .isCloseTo(1.5 * (plain.poolSeconds() - RunEstimate.WORKER_START_SECONDS), within(1e-6));
        assertThat(stretched.describe()).endsWith("; trials 50 % slower side by side, as compared here");
        assertThat(RunEstimate.of(plan, SAMPLES, slow, 3).poolSeconds())
                .as("a slowdown measured with 2 workers says nothing of 3").isLessThan(stretched.poolSeconds());

        try (Store store = Store.open(tmp.resolve("c.db"))) {
            ExperimentSpec spec = new ExperimentSpec(ExperimentSpec.FORMAT, "t", "d", 3, 1, null, List.of());
            long experiment = store.createExperiment(spec);
            Provenance p = new Provenance("test", "17", "1.0", "linux", "cpu", 2, 1L << 30, "fp");
            long single = store.createRun(experiment, Comparer.SINGLE_MODE, 1, "d", p, 3);
            long pool = store.createRun(experiment, Comparer.POOL_MODE, 2, "d", p, 3);
            store.recordComparison(single, pool, """
                    {"single": {"runId": %d, "trialSeconds": 100.0}, "multi": {"runId": %d, "trialSeconds": 148.0}}"""
                    .formatted(single, pool));

            assertThat(RunEstimate.Calibration.fromStore(store, 1000).slowdown(2)).isCloseTo(1.48, within(1e-9));
        }
    }
}
