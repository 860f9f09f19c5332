package io.kinefold.experiment;

import io.kinefold.data.ModelId;
import java.util.List;

/**
 * One model's results: every grid point, the best, and whether it is significantly best.
 *
 * @param model the model
 * @param classes class names, indexed like the confusion matrices
 * @param majorityRate share of the most frequent class among all samples: the bar to beat
 * @param points grid points in grid order
 * @param best index of the best grid point by mean accuracy (then macro-F1), or -1 with none
 * @param significance best vs runner-up, or null with fewer than two grid points
 */
public record ModelSummary(ModelId model, List<String> classes, double majorityRate, List<GridPointSummary> points,
                           int best, Significance significance) {
    public GridPointSummary bestPoint() {
        return best < 0 ? null : points.get(best);
    }
}
