package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.ModelId;
import io.kinefold.experiment.Trial;
import io.kinefold.kind.RepKind;
import io.kinefold.kind.StartKind;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/** Longest expected first, so that no long trial is left to run alone at the end. */
class TrialCostTest {
    /** Fewer repetitions than frames, as in a real dataset: 120 reps, 3000 frames. */
    private static final ToIntFunction<Trial> SAMPLES = t -> t.model().kind().equals(RepKind.KIND) ? 120 : 3000;

    private static Trial rep(int fold, Map<String, Double> params) {
        return new Trial(RepKind.id("squat"), 0, params, fold);
    }

    private static Trial start(int fold, Map<String, Double> params) {
        return new Trial(StartKind.id("squat"), 0, params, fold);
    }

    private static List<String> order(List<Trial> trials) {
        return TrialCost.longestFirst(trials, SAMPLES).stream().map(t -> t.model() + " " + t.params() + " f" + t.fold()).toList();
    }

    /** Of the same epochs: an LSTM step over a sequence costs far more than a dense step over a frame. */
    @Test
    void runsLstmTrialsBeforeFeedForwardOnes() {
        Trial wideStart = start(0, Map.of("units", 256.0, "hiddenLayers", 3.0));
        Trial smallRep = rep(0, Map.of("lstmUnits", 8.0, "sequenceLength", 24.0));
        Trial plainStart = start(1, Map.of());
        Trial plainRep = rep(1, Map.of());

        assertThat(TrialCost.longestFirst(List.of(wideStart, smallRep, plainStart, plainRep), SAMPLES))
                .extracting(t -> t.model().kind())
                .containsExactly(RepKind.KIND, RepKind.KIND, StartKind.KIND, StartKind.KIND);
    }

    @Test
    void runsMoreEpochsFirst() {
        Trial few = rep(0, Map.of("epochs", 10.0));
        Trial many = rep(0, Map.of("epochs", 40.0));
        Trial fewStart = start(0, Map.of("epochs", 5.0));
        Trial manyStart = start(0, Map.of("epochs", 50.0));

        assertThat(TrialCost.longestFirst(List.of(few, many), SAMPLES)).containsExactly(many, few);
        assertThat(TrialCost.longestFirst(List.of(fewStart, manyStart), SAMPLES)).containsExactly(manyStart, fewStart);
    }

    @Test
    void runsLongerSequencesFirst() {
        Trial t24 = rep(0, Map.of("sequenceLength", 24.0));
        Trial t48 = rep(0, Map.of("sequenceLength", 48.0));
        Trial t32 = rep(0, Map.of("sequenceLength", 32.0));

        assertThat(TrialCost.longestFirst(List.of(t24, t48, t32), SAMPLES)).containsExactly(t48, t32, t24);
    }

    @Test
    void runsMoreTrainingSamplesFirst() {
        Trial small = new Trial(StartKind.id("lunge"), 0, Map.of(), 0);
        Trial large = new Trial(StartKind.id("squat"), 0, Map.of(), 0);

        assertThat(TrialCost.longestFirst(List.of(small, large), t -> t.model().exercise().equals("squat") ? 5000 : 500))
                .containsExactly(large, small);
    }

    @Test
    void keepsTheOrderOfTrialsThatCostTheSame() {
        List<Trial> folds = List.of(rep(2, Map.of()), rep(0, Map.of()), rep(1, Map.of()), start(2, Map.of()), start(0, Map.of()));

        assertThat(order(folds)).extracting(s -> s.substring(s.lastIndexOf(' ') + 1)).containsExactly("f2", "f0", "f1", "f2", "f0");
    }

    @Test
    void costsMoreThanNothingEvenWithoutSamples() {
        assertThat(TrialCost.estimate(rep(0, Map.of()), 0)).isPositive();
        assertThat(TrialCost.estimate(start(0, Map.of()), 0)).isPositive();
    }
}
