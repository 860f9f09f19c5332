package io.kinefold.ui.results;

import io.kinefold.experiment.Baseline;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.Stat;
import java.util.Map;

/**
 * One grid point of the selected model as the table shows it. Numbers stay numbers, so that the
 * table sorts by value; the view formats them.
 *
 * @param gridPoint index within the model's grid, or a baseline's negative index
 * @param params hyperparameter values by name
 * @param accuracy mean and sd over folds
 * @param macroF1 mean and sd over folds
 * @param meanTrainSeconds mean training time of one fold
 * @param totalTrainSeconds training time summed over folds
 * @param folds folds that succeeded
 * @param failedFolds folds that failed
 * @param best whether this is the model's best grid point
 */
public record GridPointRow(int gridPoint, Map<String, Double> params, Stat accuracy, Stat macroF1,
                           double meanTrainSeconds, double totalTrainSeconds, int folds, int failedFolds,
                           boolean best) {
    public GridPointRow {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    static GridPointRow of(GridPointSummary p, boolean best) {
        return new GridPointRow(p.gridPoint(), p.params(), p.accuracy(), p.macroF1(), p.meanTrainSeconds(),
                p.totalTrainSeconds(), p.folds(), p.failedFolds(), best);
    }

    /** {@code g3}, or {@code nearest} for a baseline: how reports and the significance sentence name a grid point. */
    public String label() {
        return Baseline.label(gridPoint);
    }

    /** Whether this row is a baseline rather than a grid point. */
    public boolean baseline() {
        return Baseline.ofGridPoint(gridPoint) != null;
    }

    /** A hyperparameter's value, or null when this grid point has none of that name. */
    public Double param(String name) {
        return params.get(name);
    }
}
