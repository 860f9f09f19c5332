package io.kinefold.ui.results;

import io.kinefold.data.ModelId;

/**
 * One model of the run as the model list shows it.
 *
 * @param model the model
 * @param label e.g. {@code pose — best 0.812, majority 0.400}
 */
public record ModelItem(ModelId model, String label) {
    @Override
    public String toString() {
        return label;
    }
}
