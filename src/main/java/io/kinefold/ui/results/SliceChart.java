package io.kinefold.ui.results;

import io.kinefold.experiment.Baseline;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mean accuracy (± sd over folds) against one hyperparameter, as optuna-dashboard's slice plot
 * shows it: one chart a hyperparameter that varies in the grid, its values evenly spaced on the x
 * axis whatever their size (a choice shows its names), the grid points coloured by the other
 * hyperparameters, the best marked and the baselines as reference lines. Plain data, made without
 * a window; the view only draws it.
 *
 * @param param the hyperparameter on the x axis
 * @param values its values' texts, in increasing order; value {@code i} sits at x = {@code i}
 * @param groups the grid points, one colour a group; points of a group sharing every other value
 *     are joined, so a line reads as "this parameter alone changed"
 * @param best the best grid point, or null when none succeeded
 * @param baselines the model's baselines' mean accuracy
 */
public record SliceChart(ParamColumn param, List<String> values, List<Group> groups, Point best,
                         List<Reference> baselines) {
    /** How far apart the groups sit around a value, so that their error bars do not hide each other. */
    static final double SPREAD = 0.36;

    public SliceChart {
        values = List.copyOf(values);
        groups = List.copyOf(groups);
        baselines = List.copyOf(baselines);
    }

    /**
     * One grid point.
     *
     * @param x where it is drawn: its value's index, moved a little to the side by its group
     * @param value its value's index in {@link SliceChart#values}
     * @param mean mean accuracy over folds
     * @param sd standard deviation of accuracy over folds
     * @param label the grid point, e.g. {@code g3}
     */
    public record Point(double x, int value, double mean, double sd, String label) {}

    /** Grid points of one colour, e.g. {@code Units per layer 16, Centring hip}. */
    public record Group(String name, List<Point> points) {
        public Group {
            points = List.copyOf(points);
        }
    }

    /** A baseline's mean accuracy, a horizontal line across the chart. */
    public record Reference(String name, double accuracy) {
        /** E.g. {@code nearest 0.640}. */
        public String label() {
            return name + " " + ResultsViewModel.fixed(accuracy, 3);
        }
    }

    /**
     * The accuracy axis's {@code {lower, upper, tick}}: room for every mean ± sd and every
     * baseline, within 0 to 1, on ticks of 0.05 or 0.1.
     */
    public double[] accuracyRange() {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Group g : groups) {
            for (Point p : g.points()) {
                double sd = Double.isFinite(p.sd()) ? p.sd() : 0;
                low = Math.min(low, p.mean() - sd);
                high = Math.max(high, p.mean() + sd);
            }
        }
        for (Reference b : baselines) {
            low = Math.min(low, b.accuracy());
            high = Math.max(high, b.accuracy());
        }
        if (!Double.isFinite(low)) {
            return new double[] {0, 1, 0.1};
        }
        double tick = high - low > 0.4 ? 0.1 : 0.05;
        double lower = Math.max(0, Math.floor((low - 0.02) / tick) * tick);
        double upper = Math.min(1, Math.ceil((high + 0.02) / tick) * tick);
        return new double[] {lower, Math.max(upper, lower + tick), tick};
    }

    /** E.g. {@code Accuracy by Units per layer}. */
    public String title() {
        return "Accuracy by " + param.label();
    }

    /**
     * A chart for every hyperparameter of {@code columns} that takes more than one value in the
     * model's grid, in the columns' order.
     *
     * @param colourBy the hyperparameter that colours the points, or null to colour by all the
     *     other varying ones together (also on the chart of {@code colourBy} itself)
     */
    static List<SliceChart> of(ModelSummary m, List<ParamColumn> columns, ParamColumn colourBy) {
        if (m == null) {
            return List.of();
        }
        List<ParamColumn> varying = varying(m, columns);
        List<Reference> baselines = new ArrayList<>();
        for (Map.Entry<Baseline, GridPointSummary> b : m.baselines().entrySet()) {
            if (b.getValue().folds() > 0 && Double.isFinite(b.getValue().accuracy().mean())) {
                baselines.add(new Reference(b.getKey().key(), b.getValue().accuracy().mean()));
            }
        }
        List<SliceChart> charts = new ArrayList<>();
        for (ParamColumn p : varying) {
            List<ParamColumn> colours = colourBy != null && !colourBy.name().equals(p.name())
                    ? List.of(colourBy)
                    : varying.stream().filter(c -> !c.name().equals(p.name())).toList();
            charts.add(chart(m, p, colours, baselines));
        }
        return charts;
    }

    /** The columns whose hyperparameter takes more than one value among the model's grid points. */
    static List<ParamColumn> varying(ModelSummary m, List<ParamColumn> columns) {
        return columns.stream().filter(c -> valuesOf(m, c).size() > 1).toList();
    }

    private static List<Double> valuesOf(ModelSummary m, ParamColumn p) {
        return m.points().stream().map(g -> g.params() == null ? null : g.params().get(p.name()))
                .filter(Objects::nonNull).distinct().sorted().toList();
    }

    private static SliceChart chart(ModelSummary m, ParamColumn p, List<ParamColumn> colours, List<Reference> baselines) {
        List<Double> values = valuesOf(m, p);
        Map<String, List<GridPointSummary>> byGroup = new LinkedHashMap<>();
        for (GridPointSummary g : m.points()) {
            if (g.params() == null || g.params().get(p.name()) == null || g.folds() == 0
                    || !Double.isFinite(g.accuracy().mean())) {
                continue;
            }
            byGroup.computeIfAbsent(groupName(g, colours), k -> new ArrayList<>()).add(g);
        }
        // Groups in the order of their values, so that the legend reads like the table.
        List<String> names = new ArrayList<>(byGroup.keySet());
        names.sort(java.util.Comparator.comparing(n -> byGroup.get(n).get(0).gridPoint()));
        List<Group> groups = new ArrayList<>();
        Point best = null;
        GridPointSummary bestPoint = m.bestPoint();
        for (int i = 0; i < names.size(); i++) {
            double shift = names.size() == 1 ? 0 : SPREAD * (i / (names.size() - 1.0) - 0.5);
            List<Point> points = new ArrayList<>();
            for (GridPointSummary g : byGroup.get(names.get(i))) {
                int value = values.indexOf(g.params().get(p.name()));
                Point point = new Point(value + shift, value, g.accuracy().mean(), g.accuracy().sd(),
                        Baseline.label(g.gridPoint()));
                points.add(point);
                if (bestPoint != null && g.gridPoint() == bestPoint.gridPoint()) {
                    best = point;
                }
            }
            points.sort(java.util.Comparator.comparingDouble(Point::x));
            groups.add(new Group(names.get(i), points));
        }
        return new SliceChart(p, values.stream().map(p::text).toList(), groups, best, baselines);
    }

    /** The values of the colouring hyperparameters, e.g. {@code Units per layer 16, Centring hip}; {@code grid points} with none. */
    private static String groupName(GridPointSummary g, List<ParamColumn> colours) {
        if (colours.isEmpty()) {
            return "grid points";
        }
        List<String> parts = new ArrayList<>();
        for (ParamColumn c : colours) {
            Double v = g.params().get(c.name());
            parts.add(c.label() + " " + (v == null ? ResultsViewModel.MISSING : c.text(v)));
        }
        return String.join(", ", parts);
    }
}
