package io.kinefold.ui.results;

import io.kinefold.experiment.Baseline;
import io.kinefold.experiment.TrialResult;
import io.kinefold.model.LearningCurve;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The learning curves of one grid point as the chart draws them: the training and the validation
 * loss by epoch of each fold shown, and the epoch each fold kept. Plain data, made without a
 * window; the view only turns it into series.
 *
 * @param lines one line a fold and a loss, folds in order, training before validation
 * @param kept the epochs kept and by which folds, in epoch order
 * @param emptyText why there is nothing to draw, or null when {@code lines} has something
 */
public record LearningCurves(List<Line> lines, List<Kept> kept, String emptyText) {
    /** What the chart says before a grid point is selected. */
    static final String NOTHING_SELECTED = "Select a grid point to see its learning curves.";

    public LearningCurves {
        lines = List.copyOf(lines);
        kept = List.copyOf(kept);
    }

    /**
     * One loss of one fold over the epochs.
     *
     * @param name the legend's text, e.g. {@code fold 1 validation}
     * @param points {@code {epoch, loss}} rows, epochs from 1, NaN losses left out
     */
    public record Line(String name, int fold, boolean validation, double[][] points) {}

    /**
     * An epoch one or more folds kept.
     *
     * @param epoch from 1
     * @param folds the folds that kept it
     */
    public record Kept(int epoch, List<Integer> folds) {
        public Kept {
            folds = List.copyOf(folds);
        }

        /** E.g. {@code epoch 4 kept (folds 0, 2)}. */
        public String label() {
            return "epoch " + epoch + " kept (" + (folds.size() == 1 ? "fold " : "folds ")
                    + String.join(", ", folds.stream().map(String::valueOf).toList()) + ")";
        }
    }

    static LearningCurves empty(String why) {
        return new LearningCurves(List.of(), List.of(), why);
    }

    /**
     * The curves of the trials of one grid point, of {@code onlyFold} alone when it is not null.
     * A baseline trains no network, and a trial stored before curves were kept has none: both say
     * so rather than draw an empty chart.
     */
    static LearningCurves of(int gridPoint, List<TrialResult> trials, Integer onlyFold) {
        Baseline baseline = Baseline.ofGridPoint(gridPoint);
        if (baseline != null) {
            return empty("The " + baseline.title() + " baseline trains no network, so it has no learning curve.");
        }
        List<Line> lines = new ArrayList<>();
        Map<Integer, List<Integer>> kept = new TreeMap<>();
        for (TrialResult r : trials) {
            int fold = r.trial().fold();
            if (r.metrics() == null || (onlyFold != null && fold != onlyFold)) {
                continue;
            }
            LearningCurve c = r.metrics().curve();
            if (c.epochs() == 0) {
                continue;
            }
            lines.add(new Line("fold " + fold + " training", fold, false, points(c.trainLoss())));
            double[][] validation = points(c.validationLoss());
            if (validation.length > 0) {
                lines.add(new Line("fold " + fold + " validation", fold, true, validation));
            }
            kept.computeIfAbsent(c.bestEpoch(), e -> new ArrayList<>()).add(fold);
        }
        if (lines.isEmpty()) {
            boolean anySucceeded = trials.stream().anyMatch(r -> r.metrics() != null
                    && (onlyFold == null || r.trial().fold() == onlyFold));
            return empty(anySucceeded
                    ? "No learning curves: this run was stored before Kinefold kept them. Run it again to see them."
                    : "No learning curves: no fold of this grid point succeeded.");
        }
        List<Kept> marks = new ArrayList<>();
        kept.forEach((epoch, folds) -> marks.add(new Kept(epoch, folds)));
        return new LearningCurves(lines, marks, null);
    }

    /** Whether any fold held out a validation block (early stopping), so that there is a validation loss to show. */
    public boolean hasValidation() {
        return lines.stream().anyMatch(Line::validation);
    }

    private static double[][] points(double[] loss) {
        List<double[]> points = new ArrayList<>();
        for (int e = 0; e < loss.length; e++) {
            if (Double.isFinite(loss[e])) {
                points.add(new double[] {e + 1, loss[e]});
            }
        }
        return points.toArray(double[][]::new);
    }
}
