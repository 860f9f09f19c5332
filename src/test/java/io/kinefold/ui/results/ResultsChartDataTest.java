package io.kinefold.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.ModelId;
import io.kinefold.experiment.Baseline;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Stat;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.kind.PoseKind;
import io.kinefold.model.LearningCurve;
import io.kinefold.model.Metrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the Results view's charts and tables are made from, without a window. */
class ResultsChartDataTest {
    private static final ModelId POSE = PoseKind.id();

    private static GridPointSummary point(int g, double units, double centring, double accuracy, double sd) {
        return new GridPointSummary(POSE, g, Map.of("units", units, "centring", centring), new Stat(accuracy, sd),
                new Stat(accuracy - 0.05, sd), 1, 2, 2, 0, new int[][] {{1, 0}, {0, 1}});
    }

    private static GridPointSummary baseline(Baseline b, double accuracy) {
        return new GridPointSummary(POSE, b.gridPoint(), Map.of(), new Stat(accuracy, 0.01), new Stat(accuracy, 0.01),
                0.01, 0.02, 2, 0, new int[][] {{1, 0}, {0, 1}});
    }

    /** Units 8 and 16 by centring neck and hip; g3 (16, hip) is best. */
    private static ModelSummary grid() {
        List<GridPointSummary> points = List.of(point(0, 8, 0, 0.70, 0.02), point(1, 8, 1, 0.75, 0.03),
                point(2, 16, 0, 0.72, 0.04), point(3, 16, 1, 0.81, 0.05));
        return new ModelSummary(POSE, List.of("a", "b"), 0.5, points, 3, null,
                Map.of(Baseline.MAJORITY, baseline(Baseline.MAJORITY, 0.5), Baseline.NEAREST, baseline(Baseline.NEAREST, 0.64)),
                null);
    }

    @Test
    void aSliceChartPerVaryingHyperparameterWithChoicesByNameColouredByTheOthers() {
        ModelSummary m = grid();

        List<SliceChart> charts = SliceChart.of(m, GridPointTable.columns(m), null);

        assertThat(charts).extracting(SliceChart::title).containsExactly("Accuracy by Units per layer", "Accuracy by Centring");
        SliceChart units = charts.get(0);
        assertThat(units.values()).containsExactly("8", "16");
        assertThat(units.groups()).extracting(SliceChart.Group::name).containsExactly("Centring neck", "Centring hip");
        assertThat(units.groups().get(1).points()).extracting(SliceChart.Point::label).containsExactly("g1", "g3");
        assertThat(units.best().label()).isEqualTo("g3");
        assertThat(units.best().value()).isEqualTo(1);
        assertThat(units.best().mean()).isEqualTo(0.81);
        assertThat(units.best().sd()).isEqualTo(0.05);
        assertThat(units.baselines()).extracting(SliceChart.Reference::label).containsExactly("majority 0.500", "nearest 0.640");
        SliceChart centring = charts.get(1);
        assertThat(centring.values()).containsExactly("neck", "hip");
        assertThat(centring.groups()).extracting(SliceChart.Group::name)
                .containsExactly("Units per layer 8", "Units per layer 16");
        // Groups sit side by side around their value, so that their error bars stay apart.
        assertThat(centring.groups().get(0).points().get(0).x()).isLessThan(0);
        assertThat(centring.groups().get(1).points().get(0).x()).isGreaterThan(0);
    }

    @Test
    void theAccuracyAxisHoldsEveryErrorBarAndEveryBaseline() {
        SliceChart units = SliceChart.of(grid(), GridPointTable.columns(grid()), null).get(0);

        double[] range = units.accuracyRange();

        assertThat(range[0]).isLessThanOrEqualTo(0.5);
        assertThat(range[1]).isGreaterThanOrEqualTo(0.86).isLessThanOrEqualTo(1);
    }

    @Test
    void aChosenHyperparameterColoursEveryOtherChart() {
        ModelSummary m = grid();
        ParamColumn units = GridPointTable.columns(m).get(0);

        List<SliceChart> charts = SliceChart.of(m, GridPointTable.columns(m), units);

        assertThat(charts.get(1).groups()).extracting(SliceChart.Group::name)
                .containsExactly("Units per layer 8", "Units per layer 16");
        // Its own chart falls back to the others.
        assertThat(charts.get(0).groups()).extracting(SliceChart.Group::name).containsExactly("Centring neck", "Centring hip");
    }

    @Test
    void aGridOfOnePointHasNoSliceChart() {
        ModelSummary m = new ModelSummary(POSE, List.of("a", "b"), 0.5, List.of(point(0, 8, 0, 0.7, 0.1)), 0, null);

        assertThat(SliceChart.of(m, GridPointTable.columns(m), null)).isEmpty();
    }

    private static TrialResult trial(int g, int fold, LearningCurve curve) {
        Metrics metrics = new Metrics(0.8, 0.75, new int[][] {{4, 1}, {0, 5}}, 1.5, curve.epochs(), 40, 10, curve);
        return TrialResult.succeeded(new Trial(POSE, g, Map.of("units", 8.0), fold), metrics, "main", 2.0);
    }

    @Test
    void learningCurvesDrawTrainingAndValidationLossOfEveryFoldAndMarkTheEpochsKept() {
        List<TrialResult> trials = List.of(
                trial(0, 0, new LearningCurve(new double[] {1.0, 0.8, 0.7, 0.6}, new double[] {1.1, 0.9, 0.95, 1.0}, 2)),
                trial(0, 1, new LearningCurve(new double[] {1.0, 0.7, 0.6}, new double[] {1.2, 0.8, 0.85}, 2)));

        LearningCurves all = LearningCurves.of(0, trials, null);

        assertThat(all.emptyText()).isNull();
        assertThat(all.lines()).extracting(LearningCurves.Line::name)
                .containsExactly("fold 0 training", "fold 0 validation", "fold 1 training", "fold 1 validation");
        assertThat(all.lines().get(1).points()).hasDimensions(4, 2);
        assertThat(all.lines().get(1).points()[2]).containsExactly(3, 0.95);
        assertThat(all.kept()).extracting(LearningCurves.Kept::label).containsExactly("epoch 2 kept (folds 0, 1)");
        assertThat(all.hasValidation()).isTrue();

        LearningCurves one = LearningCurves.of(0, trials, 1);

        assertThat(one.lines()).extracting(LearningCurves.Line::fold).containsOnly(1);
        assertThat(one.kept()).extracting(LearningCurves.Kept::label).containsExactly("epoch 2 kept (fold 1)");
    }

    @Test
    void learningCurvesSayWhyTheyAreMissing() {
        Metrics old = new Metrics(0.8, 0.75, new int[][] {{4, 1}, {0, 5}}, 1.5, 3, 40, 10);
        List<TrialResult> stored = List.of(TrialResult.succeeded(new Trial(POSE, 0, Map.of(), 0), old, "main", 2.0));

        assertThat(LearningCurves.of(0, stored, null).emptyText()).contains("stored before");
        assertThat(LearningCurves.of(Baseline.NEAREST.gridPoint(), List.of(), null).emptyText())
                .isEqualTo("The nearest neighbour baseline trains no network, so it has no learning curve.");
        List<TrialResult> failed = List.of(TrialResult.failed(new Trial(POSE, 0, Map.of(), 0), "out of memory", "w1", 1));
        assertThat(LearningCurves.of(0, failed, null).emptyText()).contains("no fold of this grid point succeeded");
    }

    @Test
    void aFoldRowCarriesTheFoldsMetricsAndTheEpochItKept() {
        TrialResult t = trial(0, 1, new LearningCurve(new double[] {1.0, 0.8, 0.7}, new double[] {1.1, 0.9, 0.95}, 2));

        FoldRow row = FoldRow.of(t);

        assertThat(row).isEqualTo(new FoldRow(1, Status.SUCCEEDED, 0.8, 0.75, 1.5, 3, 2, "main", null));
        FoldRow failed = FoldRow.of(TrialResult.failed(new Trial(POSE, 0, Map.of(), 2), "out of memory", "w1", 1));
        assertThat(failed.accuracy()).isNaN();
        assertThat(failed.chosenEpoch()).isZero();
        assertThat(failed.error()).isEqualTo("out of memory");
    }

    @ParameterizedTest(name = "{0} of {1} reads {2}")
    @CsvSource(delimiterString = "|", textBlock = """
            1    | 847   | 0.1 %
            846  | 847   | 99.9 %
            1    | 5000  | <0.1 %
            4999 | 5000  | >99.9 %
            0    | 847   | 0 %
            847  | 847   | 100 %
            1    | 3     | 33.3 %
            """)
    void confusionMatrixNeverRoundsAMissAway(int count, int total, String text) {
        ConfusionMatrix matrix = new ConfusionMatrix("pose, g0", List.of("a", "b"),
                new int[][] {{count, total - count}, {0, 1}});

        assertThat(matrix.percentText(0, 0)).isEqualTo(text);
    }

    @Test
    void anEmptyRowOfTheConfusionMatrixShowsADash() {
        assertThat(new ConfusionMatrix("pose, g0", List.of("a", "b"), new int[][] {{0, 0}, {0, 1}}).percentText(0, 1))
                .isEqualTo("—");
    }
}
