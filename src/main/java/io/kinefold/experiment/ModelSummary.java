package io.kinefold.experiment;

import io.kinefold.data.ModelId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One model's results: every grid point, the best, whether it is significantly best, and the
 * baselines on the same folds.
 *
 * @param model the model
 * @param classes class names, indexed like the confusion matrices
 * @param majorityRate share of the most frequent class among all samples
 * @param points grid points in grid order
 * @param best index of the best grid point by mean accuracy (then macro-F1), or -1 with none
 * @param significance best vs runner-up, or null with fewer than two grid points
 * @param baselines the baselines with at least one fold done, in {@link Baseline} order; each
 *     summary's {@code gridPoint} is the baseline's negative index
 * @param versusBaseline the best grid point vs the best baseline, or null without either
 */
public record ModelSummary(ModelId model, List<String> classes, double majorityRate, List<GridPointSummary> points,
                           int best, Significance significance, Map<Baseline, GridPointSummary> baselines,
                           Significance versusBaseline) {
    public ModelSummary {
        Map<Baseline, GridPointSummary> ordered = new EnumMap<>(Baseline.class);
        ordered.putAll(baselines);
        baselines = Collections.unmodifiableMap(ordered);
    }

    /** Without baselines: results of a run stored before they existed. */
    public ModelSummary(ModelId model, List<String> classes, double majorityRate, List<GridPointSummary> points,
                        int best, Significance significance) {
        this(model, classes, majorityRate, points, best, significance, Map.of(), null);
    }

    public GridPointSummary bestPoint() {
        return best < 0 ? null : points.get(best);
    }

    /** The baseline with the highest mean accuracy (then macro-F1), or null with none. */
    public Baseline bestBaseline() {
        Baseline best = null;
        for (var e : baselines.entrySet()) {
            GridPointSummary b = e.getValue();
            if (b.folds() == 0) {
                continue;
            }
            if (best == null) {
                best = e.getKey();
                continue;
            }
            GridPointSummary known = baselines.get(best);
            int c = Double.compare(b.accuracy().mean(), known.accuracy().mean());
            if (c > 0 || (c == 0 && b.macroF1().mean() > known.macroF1().mean())) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * The best baseline when the best grid point's mean accuracy does not exceed it: the model has
     * learnt nothing its cost buys. Null when it does better, or when either is missing.
     */
    public Baseline notBetterThan() {
        Baseline b = bestBaseline();
        GridPointSummary point = bestPoint();
        if (b == null || point == null) {
            return null;
        }
        return point.accuracy().mean() > baselines.get(b).accuracy().mean() ? null : b;
    }

    /** The flag in words, e.g. {@code not better than nearest neighbour}, or null. */
    public String flag() {
        Baseline b = notBetterThan();
        return b == null ? null : "not better than " + b.title();
    }
}
