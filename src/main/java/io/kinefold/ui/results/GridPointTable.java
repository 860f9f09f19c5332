package io.kinefold.ui.results;

import static io.kinefold.ui.results.ResultsViewModel.MISSING;
import static io.kinefold.ui.results.ResultsViewModel.fixed;
import static io.kinefold.ui.results.ResultsViewModel.plain;

import io.kinefold.experiment.Baseline;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Significance;
import io.kinefold.kind.Kinds;
import io.kinefold.model.ParamDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected model's part of the results state: its grid points as rows under the
 * hyperparameters that vary, the note on its classes, the significance of its best point in words
 * and the confusion matrix of the selected row. Kept apart from {@link ResultsViewModel} because it
 * depends on one {@link ModelSummary} only, never on loading, exports or the comparison; the view
 * model owns it, exposes its properties and changes it on the FX thread. Touches no control.
 */
final class GridPointTable {
    private final ObservableList<ParamColumn> paramColumns = FXCollections.observableArrayList();
    private final ObservableList<GridPointRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<GridPointRow> selectedPoint;
    private final ReadOnlyStringWrapper modelNote;
    private final ReadOnlyStringWrapper significance;
    private final ReadOnlyObjectWrapper<ConfusionMatrix> confusion;

    private ModelSummary shown;

    /** @param bean the view model the properties belong to */
    GridPointTable(Object bean) {
        selectedPoint = new SimpleObjectProperty<>(bean, "selectedPoint");
        modelNote = new ReadOnlyStringWrapper(bean, "modelNote", "");
        significance = new ReadOnlyStringWrapper(bean, "significance", "");
        confusion = new ReadOnlyObjectWrapper<>(bean, "confusion");
        selectedPoint.addListener((obs, old, row) -> showConfusion(row));
    }

    /** Shows the model's grid points and selects the best, or the first; null empties the table. */
    void show(ModelSummary m) {
        shown = m;
        if (m == null) {
            selectedPoint.set(null);
            rows.clear();
            paramColumns.clear();
            modelNote.set("");
            significance.set("");
            return;
        }
        List<GridPointRow> read = new ArrayList<>();
        for (int i = 0; i < m.points().size(); i++) {
            read.add(GridPointRow.of(m.points().get(i), i == m.best()));
        }
        // The baselines below the grid points, without hyperparameters of their own.
        for (GridPointSummary b : m.baselines().values()) {
            read.add(new GridPointRow(b.gridPoint(), Map.of(), b.accuracy(), b.macroF1(), b.meanTrainSeconds(),
                    b.totalTrainSeconds(), b.folds(), b.failedFolds(), false));
        }
        // Columns before rows: a view that rebuilds its columns on change then shows the rows in them.
        List<ParamColumn> columns = columns(m);
        paramColumns.setAll(columns);
        rows.setAll(read);
        String fixedOnes = fixedParams(m, columns);
        modelNote.set(m.classes().size() + " classes (" + String.join(", ", m.classes()) + ") · majority-class rate "
                + fixed(m.majorityRate(), 3) + ", the accuracy to beat"
                + (fixedOnes.isEmpty() ? "" : " · same on every grid point: " + fixedOnes));
        String versus = baselineText(m);
        significance.set(significanceText(m) + (versus.isEmpty() ? "" : "\n" + versus));
        selectedPoint.set(read.stream().filter(GridPointRow::best).findFirst()
                .orElse(read.isEmpty() ? null : read.get(0)));
    }

    /**
     * The hyperparameters that differ between the model's grid points, declared ones in form order
     * first; all of them when none differ (a grid of one point). The others are the same on every
     * row and read better once, in {@link #fixedParams}.
     */
    static List<ParamColumn> columns(ModelSummary m) {
        Map<String, ParamColumn> all = new LinkedHashMap<>();
        for (ParamDef d : Kinds.of(m.model()).params()) {
            if (m.points().stream().anyMatch(p -> p.params() != null && p.params().containsKey(d.name()))) {
                all.put(d.name(), ParamColumn.of(d));
            }
        }
        for (GridPointSummary p : m.points()) {
            if (p.params() != null) {
                p.params().keySet().forEach(name -> all.putIfAbsent(name, new ParamColumn(name, name)));
            }
        }
        List<ParamColumn> varying = all.values().stream().filter(c -> varies(m, c.name())).toList();
        return varying.isEmpty() ? List.copyOf(all.values()) : varying;
    }

    private static boolean varies(ModelSummary m, String name) {
        return m.points().stream().map(p -> p.params() == null ? null : p.params().get(name)).distinct().count() > 1;
    }

    /** E.g. {@code Hidden layers 2, Learning rate 0.003}: the hyperparameters that are not columns. */
    static String fixedParams(ModelSummary m, List<ParamColumn> columns) {
        if (m.points().isEmpty() || m.points().get(0).params() == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        Map<String, Double> first = m.points().get(0).params();
        for (ParamDef d : Kinds.of(m.model()).params()) {
            Double v = first.get(d.name());
            if (v != null && columns.stream().noneMatch(c -> c.name().equals(d.name()))) {
                parts.add(d.label() + " " + (d.hasChoices() ? d.text(v) : plain(v)));
            }
        }
        return String.join(", ", parts);
    }

    /** Whether the best grid point is significantly better than the runner-up, in one sentence. */
    static String significanceText(ModelSummary m) {
        if (m.best() < 0) {
            return "No grid point has a successful fold, so there is no best.";
        }
        Significance s = m.significance();
        if (s == null) {
            return m.points().size() == 1 ? "Only one grid point: there is nothing to test it against."
                    : "Best g" + m.bestPoint().gridPoint() + " has no runner-up with successful folds to test against.";
        }
        String p = !Double.isFinite(s.p()) ? "p = " + MISSING
                : s.p() < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", s.p());
        String t = Double.isNaN(s.t()) ? MISSING : Double.isInfinite(s.t()) ? (s.t() > 0 ? "∞" : "−∞")
                : String.format(Locale.ROOT, "%.2f", s.t());
        return String.format(Locale.ROOT,
                "Best g%d beats runner-up g%d by %s accuracy (corrected t = %s, %s): %s.",
                s.best(), s.runnerUp(), fixed(s.meanDifference(), 3), t, p,
                s.significant() ? "significant at 0.05" : "not significant at 0.05, so the lead may be chance");
    }

    /**
     * The best grid point against the best baseline in one sentence, flagged when it is not
     * better; empty for a run stored before baselines existed.
     */
    static String baselineText(ModelSummary m) {
        Baseline b = m.bestBaseline();
        if (b == null) {
            return "";
        }
        GridPointSummary bar = m.baselines().get(b);
        String against = "the best baseline, " + b.title() + ", scores " + fixed(bar.accuracy().mean(), 3);
        if (m.best() < 0) {
            return capitalised(against) + ".";
        }
        Significance s = m.versusBaseline();
        String test = "";
        if (s != null && Double.isFinite(s.p())) {
            test = String.format(Locale.ROOT, " (Δ %s, %s%s)", fixed(s.meanDifference(), 3),
                    s.p() < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", s.p()),
                    s.significant() ? ", significant" : ", not significant");
        }
        if (m.flag() != null) {
            return "⚠ Best g" + m.best() + " is " + m.flag() + ": " + against + test + ".";
        }
        return "Best g" + m.best() + " beats the baselines: " + against + test + ".";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void showConfusion(GridPointRow row) {
        ModelSummary m = shown;
        if (row == null || m == null) {
            confusion.set(null);
            return;
        }
        GridPointSummary point = java.util.stream.Stream.concat(m.points().stream(), m.baselines().values().stream())
                .filter(p -> p.gridPoint() == row.gridPoint()).findFirst().orElse(null);
        if (point == null || point.confusion() == null || point.confusion().length == 0) {
            confusion.set(null);
            return;
        }
        confusion.set(new ConfusionMatrix(m.model() + ", " + row.label(), m.classes(), point.confusion()));
    }

    ObservableList<ParamColumn> paramColumns() { return paramColumns; }
    ObservableList<GridPointRow> rows() { return rows; }
    ObjectProperty<GridPointRow> selectedPointProperty() { return selectedPoint; }
    ReadOnlyStringWrapper modelNote() { return modelNote; }
    ReadOnlyStringWrapper significance() { return significance; }
    ReadOnlyObjectWrapper<ConfusionMatrix> confusion() { return confusion; }
}
