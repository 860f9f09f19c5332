package io.kinefold.ui.results;

import static io.kinefold.exec.Progress.clock;

import io.kinefold.data.DatasetException;
import io.kinefold.data.ModelId;
import io.kinefold.exec.RunService;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.Significance;
import io.kinefold.experiment.SpecException;
import io.kinefold.model.ParamDef;
import io.kinefold.model.Params;
import io.kinefold.report.ExportFormat;
import io.kinefold.report.Exporter;
import io.kinefold.report.ReportCharts;
import io.kinefold.report.ReportExtras;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.Background;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * State of the results view: the run shown, its models, the grid points of the selected model
 * with the best flagged and its significance in words, the confusion matrix of the selected grid
 * point, the comparison the run took part in, and what the last load or export did. The store is
 * read and files are written on the context's executor; every change to a property goes through
 * {@code fxThread}. Touches no control, so it is tested without a window.
 */
public final class ResultsViewModel {
    /** What the view says while no run is open. */
    public static final String EMPTY_TEXT = "No run open — open one from History or finish a run";
    static final String MISSING = "—";
    static final int ACCURACY_CHART_WIDTH = 1000;
    static final int ACCURACY_CHART_HEIGHT = 600;
    static final int RESOURCE_CHART_WIDTH = 1000;
    static final int RESOURCE_CHART_HEIGHT = 640;

    private final AppContext context;
    private final Executor fxThread;
    // Only the newest open() may apply its result: a slow load must not replace a later one.
    private final AtomicLong openGeneration = new AtomicLong();

    private final ReadOnlyObjectWrapper<Long> runId = new ReadOnlyObjectWrapper<>(this, "runId");
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper(this, "header", EMPTY_TEXT);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper(this, "errorDetails");
    private final ObservableList<ModelItem> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelItem> selectedModel = new SimpleObjectProperty<>(this, "selectedModel");
    private final ObservableList<ParamColumn> paramColumns = FXCollections.observableArrayList();
    private final ObservableList<GridPointRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<GridPointRow> selectedPoint = new SimpleObjectProperty<>(this, "selectedPoint");
    private final ReadOnlyStringWrapper modelNote = new ReadOnlyStringWrapper(this, "modelNote", "");
    private final ReadOnlyStringWrapper significance = new ReadOnlyStringWrapper(this, "significance", "");
    private final ReadOnlyObjectWrapper<ConfusionMatrix> confusion = new ReadOnlyObjectWrapper<>(this, "confusion");
    private final ReadOnlyObjectWrapper<ComparisonData> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ObservableList<XYChart.Series<Number, Number>> cpuSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> memorySeries = FXCollections.observableArrayList();

    private RunReport report;
    private ReportExtras extras = ReportExtras.NONE;

    public ResultsViewModel(AppContext context, Executor fxThread) {
        this.context = context;
        this.fxThread = fxThread;
        selectedModel.addListener((obs, old, item) -> showModel(item));
        selectedPoint.addListener((obs, old, row) -> showConfusion(row));
        context.shownRunProperty().addListener((obs, old, id) -> {
            if (id != null) {
                open(id);
            }
        });
        Long shown = context.shownRunProperty().get();
        if (shown != null) {
            open(shown);
        }
    }

    /** The view model of the app: updates on the FX thread. */
    public static ResultsViewModel forApp(AppContext context) {
        return new ResultsViewModel(context, Platform::runLater);
    }

    private record Loaded(RunReport report, ReportExtras extras, ComparisonData comparison) {}

    /**
     * Reads the run's report and extras in the background and shows them; the future completes
     * once they (or the reason they cannot be shown) are applied.
     */
    public CompletableFuture<Void> open(long id) {
        long generation = openGeneration.incrementAndGet();
        loading.set(true);
        status.set("Loading run " + id + " …");
        error.set(null);
        errorDetails.set(null);
        return background(() -> {
            Loaded loaded = null;
            String plain = null;
            String details = null;
            try (Store store = Store.open(context.storeFile())) {
                Optional<RunInfo> info = store.run(id);
                if (info.isEmpty()) {
                    plain = "There is no run " + id + " in the run history; it may have been deleted";
                    details = "Run history: " + store.file();
                } else {
                    RunService service = new RunService(store);
                    RunReport read = service.report(id);
                    ReportExtras readExtras = service.extras(id);
                    ComparisonData data = readExtras.comparison() == null ? null
                            : ComparisonData.of(readExtras.comparison(), id);
                    loaded = new Loaded(read, readExtras, data);
                }
            } catch (DatasetException e) {
                plain = "Run " + id + " cannot be shown: its dataset cannot be read — was it moved or deleted?";
                details = e.getMessage();
            } catch (SpecException e) {
                plain = "Run " + id + " cannot be shown: its spec no longer fits its dataset";
                details = e.getMessage();
            } catch (StoreException e) {
                plain = "The run history cannot be opened";
                details = e.getMessage();
            }
            Loaded result = loaded;
            String why = plain;
            String more = details;
            ui(() -> {
                if (generation != openGeneration.get()) {
                    return;
                }
                if (result != null) {
                    apply(result);
                } else {
                    clear();
                    error.set(why);
                    errorDetails.set(more);
                    status.set(why);
                }
            });
        });
    }

    /** Reads the shown run again, e.g. after it was resumed. */
    public CompletableFuture<Void> reload() {
        Long id = runId.get();
        return id == null ? CompletableFuture.completedFuture(null) : open(id);
    }

    private void apply(Loaded loaded) {
        report = loaded.report();
        extras = loaded.extras();
        RunInfo run = report.run();
        runId.set(run.id());
        header.set(header(report));
        comparison.set(loaded.comparison());
        setCharts(loaded.comparison());
        List<ModelItem> items = report.models().stream().map(ResultsViewModel::item).toList();
        models.setAll(items);
        selectedModel.set(null);
        selectedModel.set(items.isEmpty() ? null : items.get(0));
        status.set("Run " + run.id() + ": " + items.size() + (items.size() == 1 ? " model" : " models")
                + (loaded.comparison() != null ? ", part of a single-process vs pool comparison" : ""));
    }

    private void clear() {
        report = null;
        extras = ReportExtras.NONE;
        runId.set(null);
        header.set(EMPTY_TEXT);
        comparison.set(null);
        cpuSeries.clear();
        memorySeries.clear();
        selectedModel.set(null);
        models.clear();
    }

    static String header(RunReport report) {
        RunInfo run = report.run();
        String name = report.spec() != null && report.spec().name() != null ? report.spec().name() : run.experimentName();
        return "Run " + run.id() + " · " + name + " · " + run.mode() + ", " + run.workers()
                + (run.workers() == 1 ? " worker" : " workers") + " · " + run.status().name().toLowerCase(Locale.ROOT)
                + " · " + clock(run.wallSeconds()) + " wall time · " + run.trialsDone() + " / " + run.trialsTotal()
                + " trials";
    }

    static ModelItem item(ModelSummary m) {
        GridPointSummary best = m.bestPoint();
        String detail;
        boolean belowMajority = false;
        if (best == null) {
            detail = "no successful fold";
        } else {
            double accuracy = best.accuracy().mean();
            belowMajority = accuracy < m.majorityRate();
            detail = "best " + fixed(accuracy, 3) + (belowMajority ? " — below majority " : " · majority ")
                    + fixed(m.majorityRate(), 3);
        }
        return new ModelItem(m.model(), detail, belowMajority || best == null);
    }

    private Optional<ModelSummary> summary(ModelId model) {
        if (report == null || model == null) {
            return Optional.empty();
        }
        return report.models().stream().filter(m -> m.model().equals(model)).findFirst();
    }

    private void showModel(ModelItem item) {
        Optional<ModelSummary> found = summary(item == null ? null : item.model());
        if (found.isEmpty()) {
            selectedPoint.set(null);
            rows.clear();
            paramColumns.clear();
            modelNote.set("");
            significance.set("");
            return;
        }
        ModelSummary m = found.get();
        List<GridPointRow> read = new ArrayList<>();
        for (int i = 0; i < m.points().size(); i++) {
            read.add(GridPointRow.of(m.points().get(i), i == m.best()));
        }
        // Columns before rows: a view that rebuilds its columns on change then shows the rows in them.
        List<ParamColumn> columns = columns(m);
        paramColumns.setAll(columns);
        rows.setAll(read);
        String fixedOnes = fixedParams(m, columns);
        modelNote.set(m.classes().size() + " classes (" + String.join(", ", m.classes()) + ") · majority-class rate "
                + fixed(m.majorityRate(), 3) + ", the accuracy to beat"
                + (fixedOnes.isEmpty() ? "" : " · same on every grid point: " + fixedOnes));
        significance.set(significanceText(m));
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
        for (ParamDef d : Params.defs(m.model().kind())) {
            if (m.points().stream().anyMatch(p -> p.params() != null && p.params().containsKey(d.name()))) {
                all.put(d.name(), new ParamColumn(d.name(), d.label()));
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
        for (ParamDef d : Params.defs(m.model().kind())) {
            Double v = first.get(d.name());
            if (v != null && columns.stream().noneMatch(c -> c.name().equals(d.name()))) {
                parts.add(d.label() + " " + plain(v));
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

    private void showConfusion(GridPointRow row) {
        ModelItem item = selectedModel.get();
        Optional<ModelSummary> m = summary(item == null ? null : item.model());
        if (row == null || m.isEmpty()) {
            confusion.set(null);
            return;
        }
        GridPointSummary point = m.get().points().stream().filter(p -> p.gridPoint() == row.gridPoint())
                .findFirst().orElse(null);
        if (point == null || point.confusion() == null || point.confusion().length == 0) {
            confusion.set(null);
            return;
        }
        confusion.set(new ConfusionMatrix(m.get().model() + ", " + row.label(), m.get().classes(), point.confusion()));
    }

    private void setCharts(ComparisonData data) {
        if (data == null) {
            cpuSeries.clear();
            memorySeries.clear();
            return;
        }
        cpuSeries.setAll(List.of(series("single process", data.singleCpu()), series("pool", data.poolCpu())));
        memorySeries.setAll(List.of(series("single process", data.singleMemory()), series("pool", data.poolMemory())));
    }

    private static XYChart.Series<Number, Number> series(String name, double[][] points) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.length);
        for (double[] p : points) {
            if (Double.isFinite(p[1])) {
                data.add(new XYChart.Data<>(p[0], p[1]));
            }
        }
        return new XYChart.Series<>(name, FXCollections.observableArrayList(data));
    }

    /** Writes the shown run's report in the format to {@code out}, in the background. */
    public CompletableFuture<Void> export(ExportFormat format, Path out) {
        RunReport shown = report;
        ReportExtras shownExtras = extras;
        if (shown == null) {
            status.set("Open a run first: there is nothing to export");
            return CompletableFuture.completedFuture(null);
        }
        loading.set(true);
        status.set("Exporting run " + shown.run().id() + " …");
        return background(() -> {
            String result;
            try {
                Exporter.export(shown, format, out, shownExtras);
                result = "Wrote " + out.toAbsolutePath();
            } catch (IOException e) {
                result = "Cannot write " + out + ": " + e.getMessage();
            }
            String text = result;
            ui(() -> status.set(text));
        });
    }

    /**
     * Writes the charts of the shown run into {@code folder} as PNG files: the accuracy of every
     * model, the run's CPU and memory, and for a comparison the CPU and memory of both modes.
     */
    public CompletableFuture<Void> exportCharts(Path folder) {
        RunReport shown = report;
        ReportExtras shownExtras = extras;
        if (shown == null) {
            status.set("Open a run first: there are no charts to export");
            return CompletableFuture.completedFuture(null);
        }
        loading.set(true);
        status.set("Drawing the charts of run " + shown.run().id() + " …");
        return background(() -> {
            String result;
            try {
                List<String> written = writeCharts(shown, shownExtras, folder);
                result = "Wrote " + written.size() + (written.size() == 1 ? " chart" : " charts") + " to "
                        + folder.toAbsolutePath() + ": " + String.join(", ", written);
            } catch (IOException e) {
                result = "Cannot write the charts to " + folder + ": " + e.getMessage();
            }
            String text = result;
            ui(() -> status.set(text));
        });
    }

    private static List<String> writeCharts(RunReport shown, ReportExtras shownExtras, Path folder) throws IOException {
        Files.createDirectories(folder);
        String prefix = "run-" + shown.run().id() + "-";
        List<String> written = new ArrayList<>();
        for (ModelSummary m : shown.models()) {
            writePng(folder, prefix + "accuracy-" + fileSafe(m.model().toString()) + ".png", written,
                    () -> ReportCharts.accuracyChart(m, ACCURACY_CHART_WIDTH, ACCURACY_CHART_HEIGHT));
        }
        if (!shownExtras.samples().isEmpty()) {
            writePng(folder, prefix + "cpu.png", written, () -> ReportCharts.cpuChart(shownExtras.samples(),
                    RESOURCE_CHART_WIDTH, RESOURCE_CHART_HEIGHT));
            writePng(folder, prefix + "memory.png", written, () -> ReportCharts.memoryChart(shownExtras.samples(),
                    RESOURCE_CHART_WIDTH, RESOURCE_CHART_HEIGHT));
        }
        if (shownExtras.comparison() != null) {
            var c = shownExtras.comparison();
            for (var mode : List.of(Map.entry("single-process", c.singleSamples()), Map.entry("pool", c.poolSamples()))) {
                if (mode.getValue().isEmpty()) {
                    continue;
                }
                writePng(folder, prefix + "comparison-cpu-" + mode.getKey() + ".png", written,
                        () -> ReportCharts.cpuChart(mode.getValue(), RESOURCE_CHART_WIDTH, RESOURCE_CHART_HEIGHT));
                writePng(folder, prefix + "comparison-memory-" + mode.getKey() + ".png", written,
                        () -> ReportCharts.memoryChart(mode.getValue(), RESOURCE_CHART_WIDTH, RESOURCE_CHART_HEIGHT));
            }
        }
        return written;
    }

    /** Writes beside the target and moves it over, so a failure leaves no half-written PNG. */
    private static void writePng(Path folder, String name, List<String> written, Supplier<byte[]> png)
            throws IOException {
        Path target = folder.resolve(name);
        Path temp = folder.resolve("." + name + ".tmp");
        try {
            Files.write(temp, png.get());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        written.add(name);
    }

    /** {@code start:squat} as {@code start-squat}: colons and the like are not allowed in every file system. */
    static String fileSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "-");
    }

    /** The file name the export dialog suggests. */
    public String suggestedName(ExportFormat format) {
        Long id = runId.get();
        return (id == null ? "run" : "run-" + id) + "." + format.extension();
    }

    /**
     * Runs the work on the context's executor and clears {@code loading} afterwards; an unexpected
     * error becomes a status in words rather than a lost exception.
     */
    private CompletableFuture<Void> background(Runnable work) {
        return Background.run(context, fxThread, work, e -> {
            error.set("Stopped on an unexpected error");
            errorDetails.set(String.valueOf(e));
            status.set("Stopped on an unexpected error: " + e);
        }, () -> loading.set(false));
    }

    private void ui(Runnable change) {
        fxThread.execute(change);
    }

    static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : MISSING;
    }

    /** A hyperparameter as people write it: {@code 64}, {@code 0.003}, never {@code 3.0E-3}. */
    static String plain(double v) {
        if (!Double.isFinite(v)) {
            return MISSING;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** The id of the run shown, or null. */
    public ReadOnlyObjectProperty<Long> runIdProperty() { return runId.getReadOnlyProperty(); }
    /** Run id, spec, mode, workers, status, wall time and trials in one line; the empty-state text without a run. */
    public ReadOnlyStringProperty headerProperty() { return header.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    /** What the last load or export did, in plain words. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** Why the run cannot be shown, in plain words; null when it can. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** The technical message behind {@link #errorProperty()}, shown on demand. */
    public ReadOnlyStringProperty errorDetailsProperty() { return errorDetails.getReadOnlyProperty(); }
    public ObservableList<ModelItem> models() { return models; }
    public ObjectProperty<ModelItem> selectedModelProperty() { return selectedModel; }
    /** The hyperparameter columns of the selected model. */
    public ObservableList<ParamColumn> paramColumns() { return paramColumns; }
    /** The selected model's grid points, in grid order. */
    public ObservableList<GridPointRow> rows() { return rows; }
    public ObjectProperty<GridPointRow> selectedPointProperty() { return selectedPoint; }
    /** The selected model's classes and the majority-class rate. */
    public ReadOnlyStringProperty modelNoteProperty() { return modelNote.getReadOnlyProperty(); }
    /** Best vs runner-up in one sentence. */
    public ReadOnlyStringProperty significanceProperty() { return significance.getReadOnlyProperty(); }
    /** The confusion matrix of the selected grid point, or null. */
    public ReadOnlyObjectProperty<ConfusionMatrix> confusionProperty() { return confusion.getReadOnlyProperty(); }
    /** The comparison the shown run took part in, or null. */
    public ReadOnlyObjectProperty<ComparisonData> comparisonProperty() { return comparison.getReadOnlyProperty(); }
    /** Machine CPU (%) of both modes of the comparison over time (s). */
    public ObservableList<XYChart.Series<Number, Number>> cpuSeries() { return cpuSeries; }
    /** The workers' resident memory, summed (MB), of both modes over time (s). */
    public ObservableList<XYChart.Series<Number, Number>> memorySeries() { return memorySeries; }
}
