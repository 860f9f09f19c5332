package io.kinefold.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.ModelId;
import io.kinefold.kind.Kinds;
import io.kinefold.kind.StartKind;
import io.kinefold.model.Hyperparameters;
import io.kinefold.model.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Baselines as trials of the plan, and how their results sit beside the grid points'. */
public class BaselineResultsTest {
    static final ModelId MODEL = StartKind.id("squat");
    static final int FOLDS = 3;

    /** A plan of one start model with two grid points over three folds. */
    public static Plan plan() {
        ExperimentSpec spec = new ExperimentSpec(ExperimentSpec.FORMAT, "baselines", "ds", FOLDS, 7, null,
                List.of(new ModelGrid("start:squat", Map.of("units", List.of(8.0, 16.0)))));
        Hyperparameters g0 = Kinds.of(MODEL).hyperparameters(Map.of("units", 8.0));
        Hyperparameters g1 = Kinds.of(MODEL).hyperparameters(Map.of("units", 16.0));
        return new Plan(spec, List.of(new ModelPlan(MODEL, List.of(g0, g1))));
    }

    /** Results of every trial: the grid points score {@code g0}, {@code g1}, the baselines {@code majority}, {@code nearest}. */
    public static List<TrialResult> results(Plan plan, double[] g0, double[] g1, double[] majority, double[] nearest) {
        List<TrialResult> results = new ArrayList<>();
        for (Trial t : plan.trials()) {
            double[] accuracies = t.baseline() == Baseline.MAJORITY ? majority : t.baseline() == Baseline.NEAREST ? nearest
                    : t.gridPoint() == 0 ? g0 : g1;
            results.add(TrialResult.succeeded(t, metrics(accuracies[t.fold()]), "main", 0.1));
        }
        return results;
    }

    /** Metrics of a 100-sample fold with this accuracy, errors all one way. */
    static Metrics metrics(double accuracy) {
        int right = (int) Math.round(accuracy * 100);
        int[][] confusion = {{right / 2, 0}, {100 - right, right - right / 2}};
        return new Metrics(accuracy, accuracy, confusion, 0.05, 0, 300, 100);
    }

    public static List<ModelFacts> facts() {
        return List.of(new ModelFacts(MODEL, List.of("other", "start"), 0.6));
    }

    @Test
    void everyModelHasBothBaselinesOnEveryFoldWithTheFeaturesOfItsFirstGridPoint() {
        Plan plan = plan();
        List<Trial> trials = plan.trials();

        assertThat(plan.networkTrialCount()).isEqualTo(6);
        assertThat(plan.baselineTrialCount()).isEqualTo(6);
        assertThat(trials).hasSize(plan.trialCount()).hasSize(12);
        List<Trial> baselines = trials.stream().filter(t -> t.baseline() != null).toList();
        assertThat(baselines).extracting(Trial::key).containsExactly(
                "start:squat/majority/f0", "start:squat/majority/f1", "start:squat/majority/f2",
                "start:squat/nearest/f0", "start:squat/nearest/f1", "start:squat/nearest/f2");
        assertThat(baselines).allSatisfy(t -> assertThat(t.params()).isEqualTo(plan.models().get(0).points().get(0).values()));
        assertThat(trials.stream().filter(t -> t.baseline() == null)).allSatisfy(t -> assertThat(t.gridPoint()).isNotNegative());
        assertThat(Baseline.ofGridPoint(0)).isNull();
        assertThat(Baseline.ofGridPoint(-2)).isEqualTo(Baseline.NEAREST);
        assertThat(Baseline.label(-1)).isEqualTo("majority");
        assertThat(Baseline.label(4)).isEqualTo("g4");
    }

    @Test
    void aModelWhoseBestGridPointDoesNotBeatNearestNeighbourIsFlagged() {
        Plan plan = plan();
        List<TrialResult> results = results(plan, new double[] {0.80, 0.82, 0.84}, new double[] {0.70, 0.71, 0.72},
                new double[] {0.60, 0.60, 0.60}, new double[] {0.90, 0.91, 0.89});

        ModelSummary m = Results.summarize(plan, facts(), results).get(0);

        assertThat(m.best()).isZero();
        assertThat(m.baselines()).containsOnlyKeys(Baseline.MAJORITY, Baseline.NEAREST);
        assertThat(m.baselines().get(Baseline.NEAREST).accuracy().mean()).isEqualTo((0.90 + 0.91 + 0.89) / 3);
        assertThat(m.baselines().get(Baseline.NEAREST).folds()).isEqualTo(3);
        assertThat(m.baselines().get(Baseline.MAJORITY).gridPoint()).isEqualTo(-1);
        assertThat(m.bestBaseline()).isEqualTo(Baseline.NEAREST);
        assertThat(m.notBetterThan()).isEqualTo(Baseline.NEAREST);
        assertThat(m.flag()).isEqualTo("not better than nearest neighbour");
        assertThat(m.versusBaseline().best()).isZero();
        assertThat(m.versusBaseline().runnerUp()).isEqualTo(Baseline.NEAREST.gridPoint());
        assertThat(m.versusBaseline().meanDifference()).isNegative();
        // The grid points are ranked among themselves only: a baseline is never "best".
        assertThat(m.significance().runnerUp()).isEqualTo(1);
    }

    @Test
    void aModelThatBeatsBothBaselinesIsNotFlagged() {
        Plan plan = plan();
        List<TrialResult> results = results(plan, new double[] {0.80, 0.82, 0.84}, new double[] {0.70, 0.71, 0.72},
                new double[] {0.60, 0.60, 0.60}, new double[] {0.75, 0.74, 0.76});

        ModelSummary m = Results.summarize(plan, facts(), results).get(0);

        assertThat(m.bestBaseline()).isEqualTo(Baseline.NEAREST);
        assertThat(m.notBetterThan()).isNull();
        assertThat(m.flag()).isNull();
        assertThat(m.versusBaseline().meanDifference()).isCloseTo(0.07, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aTieWithTheBaselineIsNotBetter() {
        Plan plan = plan();
        double[] same = {0.80, 0.80, 0.80};
        ModelSummary m = Results.summarize(plan, facts(), results(plan, same, same, same, new double[] {0.5, 0.5, 0.5})).get(0);

        assertThat(m.notBetterThan()).isEqualTo(Baseline.MAJORITY);
    }

    @Test
    void aRunStoredBeforeBaselinesHasNoneAndNoFlag() {
        Plan plan = plan();
        List<TrialResult> networksOnly = results(plan, new double[] {0.5, 0.5, 0.5}, new double[] {0.4, 0.4, 0.4},
                new double[] {0.9, 0.9, 0.9}, new double[] {0.9, 0.9, 0.9}).stream()
                .filter(r -> r.trial().baseline() == null).toList();

        ModelSummary m = Results.summarize(plan, facts(), networksOnly).get(0);

        assertThat(m.baselines()).isEmpty();
        assertThat(m.bestBaseline()).isNull();
        assertThat(m.flag()).isNull();
        assertThat(m.versusBaseline()).isNull();
    }
}
