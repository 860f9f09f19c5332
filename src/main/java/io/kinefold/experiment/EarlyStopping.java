package io.kinefold.experiment;

/**
 * Stop training when the validation loss has not improved for {@code patience} epochs; the
 * validation set is a subject-grouped split of the training folds.
 *
 * @param patience epochs without improvement before stopping
 * @param validationFraction share of the training subjects held out for validation
 */
public record EarlyStopping(int patience, double validationFraction) {
    public EarlyStopping {
        if (patience < 1) {
            throw new IllegalArgumentException("earlyStopping.patience: must be at least 1, was " + patience);
        }
        if (!(validationFraction > 0 && validationFraction < 0.5)) {
            throw new IllegalArgumentException("earlyStopping.validationFraction: must lie in (0, 0.5), was " + validationFraction);
        }
    }
}
