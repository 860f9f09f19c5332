package io.kinefold.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.experiment.BaselineResultsTest;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Plan;
import io.kinefold.experiment.Results;
import org.junit.jupiter.api.Test;

/** The Results view's table and model list show the baselines and flag a model that does not beat them. */
class BaselineRowsTest {
    private static ModelSummary summary(double[] nearest) {
        Plan plan = BaselineResultsTest.plan();
        return Results.summarize(plan, BaselineResultsTest.facts(), BaselineResultsTest.results(plan,
                new double[] {0.80, 0.82, 0.84}, new double[] {0.70, 0.71, 0.72}, new double[] {0.6, 0.6, 0.6}, nearest)).get(0);
    }

    @Test
    void theTableListsTheBaselinesAfterTheGridPointsWithTheirConfusionMatrices() {
        GridPointTable table = new GridPointTable(this);
        table.show(summary(new double[] {0.9, 0.91, 0.89}));

        assertThat(table.rows()).extracting(GridPointRow::label).containsExactly("g0", "g1", "majority", "nearest");
        assertThat(table.rows()).extracting(GridPointRow::baseline).containsExactly(false, false, true, true);
        assertThat(table.rows().get(3).params()).isEmpty();
        table.selectedPointProperty().set(table.rows().get(3));
        assertThat(table.confusion().get()).isNotNull();
        assertThat(table.significance().get()).contains("⚠ Best g0 is not better than nearest neighbour")
                .contains("scores 0.900");
    }

    @Test
    void theModelListFlagsAModelThatDoesNotBeatItsBestBaseline() {
        ModelItem weak = ResultsViewModel.item(summary(new double[] {0.9, 0.91, 0.89}));
        assertThat(weak.weak()).isTrue();
        assertThat(weak.detail()).isEqualTo("best 0.820 — not better than nearest neighbour 0.900");

        ModelItem fine = ResultsViewModel.item(summary(new double[] {0.75, 0.74, 0.76}));
        assertThat(fine.weak()).isFalse();
        assertThat(fine.detail()).isEqualTo("best 0.820 · nearest 0.750");
        assertThat(GridPointTable.baselineText(summary(new double[] {0.75, 0.74, 0.76}))).startsWith("Best g0 beats the baselines");
    }
}
