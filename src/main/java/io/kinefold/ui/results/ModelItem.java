package io.kinefold.ui.results;

import io.kinefold.data.ModelId;

/**
 * One model of the run as the model list shows it.
 *
 * @param model the model
 * @param detail its best accuracy against its best baseline, e.g. {@code best 0.812 · nearest 0.640} (against the
 *     majority-class rate for a run stored before baselines)
 * @param weak whether the best grid point is not better than its best baseline (or none succeeded)
 * @param hasBest whether a grid point succeeded, so that there is a best model to save
 */
public record ModelItem(ModelId model, String detail, boolean weak, boolean hasBest) {
    /** E.g. {@code pose — best 0.812 · majority 0.400}. */
    public String label() {
        return model + " — " + detail;
    }

    @Override
    public String toString() {
        return label();
    }
}
