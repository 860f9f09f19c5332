package io.kinefold.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kinefold.data.ModelId;
import io.kinefold.experiment.Baseline;
import io.kinefold.experiment.EarlyStopping;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.Stat;
import io.kinefold.experiment.Status;
import io.kinefold.monitor.ResourceSample;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunsComparisonTest {
    private static final ModelId POSE = ModelId.parse("pose");
    private static final ModelId START = ModelId.parse("start:squat");
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private static GridPointSummary point(ModelId model, int g, Map<String, Double> params, double accuracy, double sd) {
        return new GridPointSummary(model, g, params, new Stat(accuracy, sd), new Stat(accuracy, sd), 1, 3, 3, 0,
                new int[][] {{1}});
    }

    private static Map<String, Double> params(double units, double lr) {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("units", units);
        p.put("learningRate", lr);
        return p;
    }

    private static ModelSummary model(ModelId id, List<GridPointSummary> points, int best, double majority, double nearest) {
        return new ModelSummary(id, List.of("a", "b"), 0.5, points, best, null, Map.of(
                Baseline.MAJORITY, point(id, -1, Map.of(), majority, 0.0),
                Baseline.NEAREST, point(id, -2, Map.of(), nearest, 0.02)), null);
    }

    /** Run 3: quick, 3 folds, seed 7, pose units 32/64 and start:squat, single process, 120 s. */
    private static RunReport quick() {
        ExperimentSpec spec = new ExperimentSpec(ExperimentSpec.FORMAT, "quick", "datasets/demo", 3, 7, null, List.of(
                new ModelGrid("pose", Map.of("units", List.of(32.0, 64.0), "learningRate", List.of(0.001))),
                new ModelGrid("start:squat", Map.of("units", List.of(16.0)))));
        RunInfo run = new RunInfo(3, 1, "quick", "single", 1, Status.SUCCEEDED, "datasets/demo", T0,
                T0.plusSeconds(120), 120, 12, 12);
        return new RunReport(run, spec, null, List.of(
                model(POSE, List.of(point(POSE, 0, params(32, 0.001), 0.81, 0.03), point(POSE, 1, params(64, 0.001), 0.86, 0.02)),
                        1, 0.40, 0.70),
                model(START, List.of(point(START, 0, Map.of("units", 16.0), 0.60, 0.05)), 0, 0.70, 0.65)), List.of());
    }

    /** Run 5: wider, 5 folds, seed 9, pose units 32/64/128 only, a pool of 4, cancelled after 40 s. */
    private static RunReport wider() {
        ExperimentSpec spec = new ExperimentSpec(ExperimentSpec.FORMAT, "wider", "datasets/demo", 5, 9,
                new EarlyStopping(3, 0.2), List.of(
                new ModelGrid("pose", Map.of("units", List.of(32.0, 64.0, 128.0), "learningRate", List.of(0.001)))));
        RunInfo run = new RunInfo(5, 2, "wider", "pool", 4, Status.CANCELLED, "datasets/demo", T0.plusSeconds(3600),
                null, 40, 54, 4);
        return new RunReport(run, spec, null, List.of(
                model(POSE, List.of(point(POSE, 0, params(32, 0.001), 0.80, 0.01), point(POSE, 1, params(64, 0.001), 0.79, 0.04),
                        point(POSE, 2, params(128, 0.001), 0.90, 0.01)), 2, 0.40, 0.92)), List.of());
    }

    private static ResourceSample sample(Instant at, double cpu, long memMb) {
        return new ResourceSample(at.toEpochMilli(), cpu, new double[] {cpu}, memMb << 20, 8L << 30, 0, Map.of());
    }

    @Test
    void findsWhereTheSpecsDifferAndLeavesOutWhatTheyShare() {
        RunsComparison c = RunsComparison.of(List.of(quick(), wider()), Map.of());

        assertThat(c.differences()).extracting(RunsComparison.Row::label).containsExactly("spec", "folds", "seed",
                "early stopping", "models", "pose · units", "start:squat · units");
        assertThat(c.differences()).filteredOn(r -> r.label().equals("folds")).singleElement()
                .extracting(RunsComparison.Row::values).isEqualTo(List.of("3", "5"));
        assertThat(c.differences()).filteredOn(r -> r.label().equals("pose · units")).singleElement()
                .extracting(RunsComparison.Row::values).isEqualTo(List.of("32, 64", "32, 64, 128"));
        assertThat(c.differences()).filteredOn(r -> r.label().equals("start:squat · units")).singleElement()
                .extracting(RunsComparison.Row::values).isEqualTo(List.of("16", "—"));
        assertThat(c.differences()).extracting(RunsComparison.Row::label)
                .as("3 points each: 2 + 1 and 3").doesNotContain("dataset", "grid points", "pose · learningRate");
    }

    @Test
    void showsEachModelsBestGridPointAndBaselinesPerRun() {
        RunsComparison c = RunsComparison.of(List.of(quick(), wider()), Map.of());

        assertThat(c.models()).extracting(RunsComparison.ModelComparison::model).containsExactly("pose", "start:squat");
        RunsComparison.ModelComparison pose = c.models().get(0);
        assertThat(pose.cells().get(0).bestParams()).containsEntry("units", 64.0);
        assertThat(pose.cells().get(1).bestParams()).containsEntry("units", 128.0);
        assertThat(pose.cells().get(1).bestBaseline()).isEqualTo(Baseline.NEAREST);
        assertThat(pose.rows()).extracting(RunsComparison.Row::label).containsExactly("best grid point",
                "accuracy (mean ± sd)", "majority class", "nearest neighbour", "verdict");
        assertThat(pose.rows().get(0).values()).containsExactly("units 64, learningRate 0.001", "units 128, learningRate 0.001");
        assertThat(pose.rows().get(1).values()).containsExactly("0.860 ± 0.020", "0.900 ± 0.010");
        assertThat(pose.rows().get(3).values()).containsExactly("0.700 ± 0.020", "0.920 ± 0.020");
        assertThat(pose.rows().get(4).values()).containsExactly("better than nearest neighbour",
                "⚠ not better than nearest neighbour");
        RunsComparison.ModelComparison start = c.models().get(1);
        assertThat(start.cells().get(1)).isSameAs(RunsComparison.ModelCell.ABSENT);
        assertThat(start.rows().get(1).values()).containsExactly("0.600 ± 0.050", "—");
        assertThat(start.rows().get(4).values()).containsExactly("⚠ not better than majority class", "—");
    }

    @Test
    void speedupsAreOverTheFirstSelectedRunAndACancelledRunIsPartial() {
        RunsComparison c = RunsComparison.of(List.of(quick(), wider()), Map.of());

        assertThat(c.timings()).extracting(RunsComparison.Timing::workers).containsExactly(1, 4);
        assertThat(c.timings().get(0).speedup()).isEqualTo(1.0);
        assertThat(c.timings().get(1).speedup()).isCloseTo(3.0, within(1e-12));
        assertThat(c.timingRows()).filteredOn(r -> r.label().equals("speedup over run 3")).singleElement()
                .extracting(RunsComparison.Row::values).isEqualTo(List.of("1.00×", "3.00×"));
        assertThat(c.runs()).extracting(RunsComparison.RunColumn::partial).containsExactly(false, true);
        assertThat(c.runs()).extracting(RunsComparison.RunColumn::title).containsExactly("Run 3 · quick", "Run 5 · wider");

        RunsComparison reversed = RunsComparison.of(List.of(wider(), quick()), Map.of());

        assertThat(reversed.timings().get(1).speedup()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void resourceSeriesStartAtEachRunsOwnStart() {
        Instant later = T0.plusSeconds(3600);
        Map<Long, List<ResourceSample>> samples = Map.of(
                3L, List.of(sample(T0.plusSeconds(2), 0.5, 1000), sample(T0.plusSeconds(1), 0.25, 900)),
                5L, List.of(sample(later.plusMillis(1500), 1.0, 2000)));

        RunsComparison c = RunsComparison.of(List.of(quick(), wider()), samples);

        assertThat(c.resources().get(0).seconds()).containsExactly(1.0, 2.0);
        assertThat(c.resources().get(0).cpuPercent()).containsExactly(25.0, 50.0);
        assertThat(c.resources().get(0).memUsedMb()).containsExactly(900.0, 1000.0);
        assertThat(c.resources().get(1).seconds()).containsExactly(1.5);
        assertThat(RunsComparison.of(List.of(quick(), wider()), Map.of()).resources())
                .allSatisfy(s -> assertThat(s.size()).isZero());
    }

    @Test
    void refusesFewerThanTwoRuns() {
        assertThatThrownBy(() -> RunsComparison.of(List.of(quick()), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two runs");
    }
}
