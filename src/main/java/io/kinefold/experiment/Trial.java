package io.kinefold.experiment;

import io.kinefold.data.ModelId;
import java.util.Map;

/**
 * One grid point of one model on one fold: the unit of work every executor runs. A baseline's
 * trial has a negative grid point ({@link Baseline#gridPoint}) and the features of the model's
 * first grid point.
 *
 * @param model the model
 * @param gridPoint index of the grid point within the model's grid, or a baseline's negative index
 * @param params hyperparameter values by name, declaration order
 * @param fold index of the test fold
 */
public record Trial(ModelId model, int gridPoint, Map<String, Double> params, int fold) {
    public Trial {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    /** A baseline's trial on a fold, with the features of {@code params}. */
    public static Trial baseline(ModelId model, Baseline baseline, Map<String, Double> params, int fold) {
        return new Trial(model, baseline.gridPoint(), params, fold);
    }

    /** The baseline this trial runs, or null for a grid point's network. */
    public Baseline baseline() {
        return Baseline.ofGridPoint(gridPoint);
    }

    /**
     * Unique within a run and stable across runs of the same spec, e.g. {@code rep:squat/g12/f3},
     * or {@code rep:squat/nearest/f3} for a baseline.
     */
    public String key() {
        Baseline b = baseline();
        return model + "/" + (b == null ? "g" + gridPoint : b.key()) + "/f" + fold;
    }
}
