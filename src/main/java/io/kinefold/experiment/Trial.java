package io.kinefold.experiment;

import io.kinefold.data.ModelId;
import java.util.Map;

/**
 * One grid point of one model on one fold: the unit of work every executor runs.
 *
 * @param model the model
 * @param gridPoint index of the grid point within the model's grid
 * @param params hyperparameter values by name, declaration order
 * @param fold index of the test fold
 */
public record Trial(ModelId model, int gridPoint, Map<String, Double> params, int fold) {
    public Trial {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    /** Unique within a run and stable across runs of the same spec, e.g. {@code rep:squat/g12/f3}. */
    public String key() {
        return model + "/g" + gridPoint + "/f" + fold;
    }
}
