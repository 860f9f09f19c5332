package io.kinefold.ui.results;

import io.kinefold.experiment.Status;
import io.kinefold.experiment.TrialResult;
import io.kinefold.model.Metrics;

/**
 * One fold of the selected grid point as the per-fold table shows it. Numbers stay numbers (NaN,
 * or 0 for the epochs, when the fold has none), so that the table sorts by value.
 *
 * @param fold the test fold's index, as trial keys and exports number it
 * @param status how the trial ended
 * @param accuracy on the test fold
 * @param macroF1 on the test fold
 * @param trainSeconds training time, evaluation excluded
 * @param epochs epochs run (fewer than asked when early stopping ended training)
 * @param chosenEpoch the epoch whose parameters were kept and tested, 0 without a learning curve
 * @param worker who ran it
 * @param error why it failed, or null
 */
public record FoldRow(int fold, Status status, double accuracy, double macroF1, double trainSeconds, int epochs,
                      int chosenEpoch, String worker, String error) {

    static FoldRow of(TrialResult r) {
        Metrics m = r.metrics();
        if (m == null) {
            return new FoldRow(r.trial().fold(), r.status(), Double.NaN, Double.NaN, Double.NaN, 0, 0, r.worker(),
                    r.error());
        }
        return new FoldRow(r.trial().fold(), r.status(), m.accuracy(), m.macroF1(), m.trainSeconds(), m.epochs(),
                m.curve().bestEpoch(), r.worker(), r.error());
    }
}
