package io.kinefold.report;

import io.kinefold.experiment.Baseline;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Significance;
import io.kinefold.experiment.Stat;
import io.kinefold.kind.KindSpec;
import io.kinefold.kind.Kinds;
import io.kinefold.model.ParamDef;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the table formats share: which hyperparameter columns a table has, and how numbers and
 * the significance verdict read. Human formats show a missing value as an em dash, which each
 * format then escapes its own way.
 */
final class ReportText {
    static final String MISSING = "—";
    static final String IMBALANCE_NOTE = "classes are weighted inversely to their frequency in the training folds";

    private ReportText() {}

    /**
     * A hyperparameter column: its key in the params maps, its header for humans, and the names of
     * its values when it picks one of named choices (human formats show the name, CSV the number).
     */
    record ParamColumn(String name, String label, List<String> choices) {
        ParamColumn(String name, String label) {
            this(name, label, List.of());
        }

        /** A value as people read it: a choice's name, else the number as {@link #plain} writes it. */
        String text(Double value) {
            boolean named = value != null && value == Math.rint(value) && value >= 0 && value < choices.size();
            return named ? choices.get(value.intValue()) : plain(value);
        }
    }

    /**
     * The union of the hyperparameters of every model in the report: kind by kind in registry
     * order (the feed-forward ones, then the recurrent ones not listed yet), each in declaration
     * order, then (should a summary ever carry one) any name no kind declares, so no value is
     * silently dropped.
     */
    static List<ParamColumn> unionColumns(List<ModelSummary> models) {
        Map<String, ParamColumn> columns = new LinkedHashMap<>();
        for (KindSpec kind : Kinds.all()) {
            if (models.stream().anyMatch(m -> m.model().kind().equals(kind.kind()))) {
                addDefs(columns, kind.params());
            }
        }
        for (ModelSummary m : models) {
            addUndeclared(columns, m);
        }
        return List.copyOf(columns.values());
    }

    /** The hyperparameters of one model's kind, for tables that show a single model. */
    static List<ParamColumn> modelColumns(ModelSummary model) {
        Map<String, ParamColumn> columns = new LinkedHashMap<>();
        Kinds.find(model.model().kind()).ifPresent(kind -> addDefs(columns, kind.params()));
        addUndeclared(columns, model);
        return List.copyOf(columns.values());
    }

    private static void addDefs(Map<String, ParamColumn> columns, List<ParamDef> defs) {
        for (ParamDef d : defs) {
            columns.putIfAbsent(d.name(), new ParamColumn(d.name(), d.label(), d.choices()));
        }
    }

    private static void addUndeclared(Map<String, ParamColumn> columns, ModelSummary m) {
        for (GridPointSummary p : m.points()) {
            if (p.params() != null) {
                for (String name : p.params().keySet()) {
                    columns.putIfAbsent(name, new ParamColumn(name, name));
                }
            }
        }
    }

    /** A hyperparameter's value as people read it, by its name alone: a choice's name ({@code hip}), else the number. */
    static String paramText(String name, Double value) {
        for (KindSpec kind : Kinds.all()) {
            for (ParamDef d : kind.params()) {
                if (d.name().equals(name) && d.hasChoices() && value != null) {
                    return d.text(value);
                }
            }
        }
        return plain(value);
    }

    static Double param(GridPointSummary point, ParamColumn column) {
        return point.params() == null ? null : point.params().get(column.name());
    }

    /** {@code g3} for a grid point, the baseline's name ({@code nearest}) for a baseline. */
    static String gridLabel(int gridPoint) {
        return Baseline.label(gridPoint);
    }

    /**
     * A model's table rows: its grid points, then its baselines. A baseline's row leaves the
     * hyperparameter cells empty: it has none (it uses the features of the first grid point).
     */
    static List<GridPointSummary> rows(ModelSummary m) {
        List<GridPointSummary> rows = new ArrayList<>(m.points());
        for (GridPointSummary b : m.baselines().values()) {
            rows.add(new GridPointSummary(b.model(), b.gridPoint(), Map.of(), b.accuracy(), b.macroF1(), b.meanTrainSeconds(),
                    b.totalTrainSeconds(), b.folds(), b.failedFolds(), b.confusion()));
        }
        return rows;
    }

    /** Whether a row of {@link #rows} is the model's best grid point. */
    static boolean isBest(ModelSummary m, GridPointSummary row) {
        return m.best() >= 0 && row.gridPoint() == m.best();
    }

    /**
     * The verdict against the baselines, e.g. {@code best g3 vs nearest neighbour: Δ accuracy
     * +0.041, …}, with the flag first when the best grid point is not better; or why there is none.
     */
    static String baselineVerdict(ModelSummary m) {
        Baseline b = m.bestBaseline();
        if (b == null) {
            return "no baseline has a successful fold";
        }
        GridPointSummary bar = m.baselines().get(b);
        String against = "best baseline " + b.title() + " " + meanSd(bar.accuracy());
        if (m.best() < 0) {
            return against;
        }
        String flag = m.flag() == null ? "" : m.flag().toUpperCase(Locale.ROOT) + ": ";
        Significance s = m.versusBaseline();
        if (s == null) {
            return flag + against;
        }
        return String.format(Locale.ROOT, "%s%s; best %s vs %s: Δ accuracy %s, corrected t = %s, %s, %s at 5 %%", flag, against,
                gridLabel(s.best()), b.key(), signed(s.meanDifference()), statistic(s.t()), pValue(s.p()),
                s.significant() ? "significant" : "not significant");
    }

    /**
     * A hyperparameter as people write it: {@code 64}, {@code 0.003}, {@code 0.0001}, never
     * {@code 1.0E-4}; six significant digits, so arithmetic noise such as
     * {@code 0.0030000000000000005} does not reach a table meant for reading (CSV keeps it).
     */
    static String plain(Double value) {
        if (value == null) {
            return "";
        }
        double v = value;
        if (!Double.isFinite(v)) {
            return MISSING;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : MISSING;
    }

    /** Mean ± sd with three decimals; a missing sd (one fold) leaves just the mean. */
    static String meanSd(Stat s) {
        if (s == null || !Double.isFinite(s.mean())) {
            return MISSING;
        }
        return Double.isFinite(s.sd()) ? fixed(s.mean(), 3) + " ± " + fixed(s.sd(), 3) : fixed(s.mean(), 3);
    }

    static String seconds(double s) {
        if (!Double.isFinite(s)) {
            return MISSING;
        }
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long total = Math.round(s);
        if (total < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", total / 60, total % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min %02d s", total / 3600, total % 3600 / 60, total % 60);
    }

    /** A speedup or ratio of times, e.g. {@code 1.78×}. */
    static String times(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f×", v) : MISSING;
    }

    /** A fraction as a whole percentage, e.g. {@code 0.891} as {@code 89 %}. */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.0f %%", 100 * fraction) : MISSING;
    }

    /** Mebibytes as whole numbers, e.g. {@code 465 MB}; the monitor's "MB" are 2^20 bytes throughout. */
    static String megabytes(double mb) {
        return Double.isFinite(mb) && mb >= 0 ? String.format(Locale.ROOT, "%.0f MB", mb) : MISSING;
    }

    /** A count that a lenient reader gives as -1 when it was missing. */
    static String count(long n) {
        return n < 0 ? MISSING : Long.toString(n);
    }

    static String bytes(long b) {
        if (b <= 0) {
            return MISSING;
        }
        return String.format(Locale.ROOT, "%.1f GiB", b / (1024.0 * 1024 * 1024));
    }

    static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    /**
     * The verdict on the best grid point, e.g. {@code best g3 vs runner-up g7: Δ accuracy +0.041,
     * corrected t = 2.31, p = 0.046, significant at 5 %}, or why there is none.
     */
    static String significance(ModelSummary m) {
        if (m.best() < 0) {
            return "no grid point has a successful fold, so there is no best grid point";
        }
        Significance s = m.significance();
        String best = gridLabel(m.points().get(m.best()).gridPoint());
        if (s == null) {
            return "best " + best + " has no runner-up to test against";
        }
        return String.format(Locale.ROOT, "best %s vs runner-up %s: Δ accuracy %s, corrected t = %s, %s, %s at 5 %%",
                gridLabel(s.best()), gridLabel(s.runnerUp()), signed(s.meanDifference()), statistic(s.t()),
                pValue(s.p()), s.significant() ? "significant" : "not significant");
    }

    private static String signed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.3f", v) : MISSING;
    }

    private static String statistic(double t) {
        if (Double.isNaN(t)) {
            return MISSING;
        }
        if (Double.isInfinite(t)) {
            return t > 0 ? "∞" : "−∞";
        }
        return String.format(Locale.ROOT, "%.2f", t);
    }

    private static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return "p = " + MISSING;
        }
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }

    static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * Names come from specs and manifests: a line break in one must not break a table row, and a
     * control character is shown, not passed on to whatever displays the report.
     */
    static String oneLine(String s) {
        return s == null ? "" : VisibleText.of(s.replaceAll("\\R", " "));
    }

    static String className(List<String> classes, int i) {
        return classes != null && i < classes.size() ? classes.get(i) : "class " + i;
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static List<String> headerLabels(List<ParamColumn> params) {
        List<String> labels = new ArrayList<>();
        labels.add("Grid point");
        params.forEach(c -> labels.add(c.label()));
        labels.addAll(List.of("Accuracy", "Macro-F1", "Train s/fold", "Train s total", "Folds", "Failed", "Best"));
        return labels;
    }

    /** The cells of one human-format row, unescaped, in the order of {@link #headerLabels}. */
    static List<String> humanCells(GridPointSummary p, List<ParamColumn> params, boolean best) {
        List<String> cells = new ArrayList<>();
        cells.add(gridLabel(p.gridPoint()));
        params.forEach(c -> cells.add(c.text(param(p, c))));
        cells.add(meanSd(p.accuracy()));
        cells.add(meanSd(p.macroF1()));
        cells.add(fixed(p.meanTrainSeconds(), 2));
        cells.add(fixed(p.totalTrainSeconds(), 2));
        cells.add(Integer.toString(p.folds()));
        cells.add(Integer.toString(p.failedFolds()));
        cells.add(yesNo(best));
        return cells;
    }
}
