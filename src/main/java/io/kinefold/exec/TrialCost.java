package io.kinefold.exec;

import io.kinefold.data.ModelKind;
import io.kinefold.experiment.Trial;
import io.kinefold.model.FeedForwardParams;
import io.kinefold.model.Params;
import io.kinefold.model.RecurrentParams;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A rough expected cost of a trial, to run the longest first: a long LSTM trial started last
 * leaves the other workers idle while it finishes. Only the order matters, not the units.
 */
public final class TrialCost {
    /** Milliseconds of fixed overhead of one DL4J step, against per-sample work. */
    private static final double STEP_OVERHEAD = 40;

    private TrialCost() {}

    public static double estimate(Trial trial, int trainSamples) {
        var params = Params.of(trial.model().kind(), trial.params());
        int n = Math.max(1, trainSamples);
        if (trial.model().kind() == ModelKind.REP) {
            RecurrentParams p = (RecurrentParams) params;
            double steps = Math.ceil((double) n / p.batchSize()) * p.epochs();
            double perStep = STEP_OVERHEAD * p.lstmLayers() * p.sequenceLength() / 24.0
                    * (1 + p.batchSize() * p.lstmUnits() / 2048.0);
            return steps * perStep;
        }
        FeedForwardParams p = (FeedForwardParams) params;
        double steps = Math.ceil((double) n / p.batchSize()) * p.epochs();
        return steps * (1.5 * p.hiddenLayers() + p.batchSize() * p.units() * p.hiddenLayers() / 20000.0);
    }

    /** The trials, longest expected first; ties keep their order. */
    public static List<Trial> longestFirst(List<Trial> trials, ToIntFunction<Trial> trainSamples) {
        return trials.stream()
                .sorted(Comparator.comparingDouble((Trial t) -> -estimate(t, trainSamples.applyAsInt(t))))
                .toList();
    }
}
