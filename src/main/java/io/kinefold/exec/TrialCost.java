package io.kinefold.exec;

import io.kinefold.experiment.Trial;
import io.kinefold.kind.KindSpec;
import io.kinefold.kind.Kinds;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A rough expected cost of a trial, to run the longest first: a long LSTM trial started last
 * leaves the other workers idle while it finishes. Only the order matters, not the units; each
 * kind says what a trial of it costs ({@link KindSpec#cost}).
 */
public final class TrialCost {
    private TrialCost() {}

    /** A baseline's trial costs next to nothing: no training, one pass over the fold. */
    public static double estimate(Trial trial, int trainSamples) {
        if (trial.baseline() != null) {
            return 0;
        }
        KindSpec kind = Kinds.of(trial.model());
        return kind.cost(kind.hyperparameters(trial.params()), Math.max(1, trainSamples));
    }

    /** The trials, longest expected first; ties keep their order. */
    public static List<Trial> longestFirst(List<Trial> trials, ToIntFunction<Trial> trainSamples) {
        return trials.stream()
                .sorted(Comparator.comparingDouble((Trial t) -> -estimate(t, trainSamples.applyAsInt(t))))
                .toList();
    }
}
