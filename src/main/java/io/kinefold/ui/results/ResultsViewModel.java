package io.kinefold.ui.results;

import static io.kinefold.exec.Progress.clock;

import io.kinefold.experiment.Baseline;
import io.kinefold.data.DatasetException;
import io.kinefold.data.ModelId;
import io.kinefold.exec.RunService;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.SpecException;
import io.kinefold.report.ExportFormat;
import io.kinefold.report.ReportExtras;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.WholeRunData;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
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
 * {@code fxThread}. The selected model's table lives in {@link GridPointTable} and the chart files
 * in {@link ChartFiles}; their properties are exposed here. Touches no control, so it is tested
 * without a window.
 */
public final class ResultsViewModel {
    /** What the view says while no run is open. */
    public static final String EMPTY_TEXT = "No run open — open one from History or finish a run";
    static final String MISSING = "—";

    private final AppContext context;
    private final Executor fxThread;
    // Only the newest open() may apply its result: a slow load must not replace a later one.
    private final AtomicLong openGeneration = new AtomicLong();

    private final ReadOnlyObjectWrapper<Long> runId = new ReadOnlyObjectWrapper<>(this, "runId");
    private final ReadOnlyObjectWrapper<WholeRunData> wholeRun =
            new ReadOnlyObjectWrapper<>(this, "wholeRun", WholeRunData.empty());
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper(this, "header", EMPTY_TEXT);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper(this, "errorDetails");
    private final ObservableList<ModelItem> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelItem> selectedModel = new SimpleObjectProperty<>(this, "selectedModel");
    private final GridPointTable table = new GridPointTable(this);
    private final PointDetail detail = new PointDetail(this);
    private final ObservableList<SliceChart> slices = FXCollections.observableArrayList();
    private final ObservableList<ParamColumn> colourChoices = FXCollections.observableArrayList();
    private final ObjectProperty<ParamColumn> colourBy = new SimpleObjectProperty<>(this, "colourBy");
    private final ReadOnlyStringWrapper slicesNote = new ReadOnlyStringWrapper(this, "slicesNote", "");
    private final ResultsTasks tasks;
    private final ReadOnlyObjectWrapper<ComparisonData> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ObservableList<XYChart.Series<Number, Number>> cpuSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> memorySeries = FXCollections.observableArrayList();

    private RunReport report;
    private ReportExtras extras = ReportExtras.NONE;

    public ResultsViewModel(AppContext context, Executor fxThread) {
        this.context = context;
        this.fxThread = fxThread;
        this.tasks = new ResultsTasks(context, fxThread, loading, status, error, errorDetails);
        selectedModel.addListener((obs, old, item) -> showModel(item));
        table.selectedPointProperty().addListener((obs, old, row) -> showPoint(row));
        colourBy.addListener((obs, old, p) -> drawSlices());
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

    private record Loaded(RunReport report, ReportExtras extras, ComparisonData comparison, WholeRunData wholeRun) {}

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
        return tasks.background(() -> {
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
                    ReportExtras readExtras = ReportExtras.load(service.store(), id);
                    ComparisonData data = readExtras.comparison() == null ? null
                            : ComparisonData.of(readExtras.comparison(), id);
                    loaded = new Loaded(read, readExtras, data, WholeRunData.forStoredRun(store, id));
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
        wholeRun.set(loaded.wholeRun());
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
        wholeRun.set(WholeRunData.empty());
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
        } else if (m.bestBaseline() != null) {
            double accuracy = best.accuracy().mean();
            Baseline b = m.bestBaseline();
            belowMajority = m.notBetterThan() != null;
            detail = "best " + fixed(accuracy, 3) + (belowMajority ? " — " + m.flag() + " " : " · " + b.key() + " ")
                    + fixed(m.baselines().get(b).accuracy().mean(), 3);
        } else {
            double accuracy = best.accuracy().mean();
            belowMajority = accuracy < m.majorityRate();
            detail = "best " + fixed(accuracy, 3) + (belowMajority ? " — below majority " : " · majority ")
                    + fixed(m.majorityRate(), 3);
        }
        return new ModelItem(m.model(), detail, belowMajority || best == null, best != null);
    }

    private Optional<ModelSummary> summary(ModelId model) {
        if (report == null || model == null) {
            return Optional.empty();
        }
        return report.models().stream().filter(m -> m.model().equals(model)).findFirst();
    }

    private void showModel(ModelItem item) {
        ModelSummary m = summary(item == null ? null : item.model()).orElse(null);
        // Choices before the table: its selection draws the point's detail, the choices the charts.
        List<ParamColumn> varying = m == null ? List.of() : SliceChart.varying(m, GridPointTable.columns(m));
        colourBy.set(null);
        colourChoices.setAll(varying.size() > 2 ? varying : List.of());
        table.show(m);
        drawSlices();
    }

    private void drawSlices() {
        ModelSummary m = summary(selectedModel.get() == null ? null : selectedModel.get().model()).orElse(null);
        List<SliceChart> charts = SliceChart.of(m, m == null ? List.of() : GridPointTable.columns(m), colourBy.get());
        slices.setAll(charts);
        slicesNote.set(m == null ? "Choose a model on the left."
                : charts.isEmpty() ? "Every grid point of " + m.model() + " has the same hyperparameters: there is nothing to chart against."
                : "Mean accuracy over the folds (bars: ± one sd) against each hyperparameter that varies; the star is the "
                + "best grid point, dashed lines the baselines. A colour is one combination of the hyperparameters its legend names.");
    }

    private void showPoint(GridPointRow row) {
        ModelItem item = selectedModel.get();
        detail.show(item == null ? null : item.model(), row, report == null ? List.of() : report.trials());
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
        return tasks.export(report, extras, format, out);
    }

    /**
     * Writes the charts of the shown run into {@code folder} as PNG files: the accuracy of every
     * model, the run's CPU and memory, and for a comparison the CPU and memory of both modes.
     */
    public CompletableFuture<Void> exportCharts(Path folder) {
        return tasks.exportCharts(report, extras, folder);
    }

    /**
     * Trains the selected model's best grid point on all of its data and writes it to {@code out},
     * with its sidecar beside it, in the background; what it is doing and how it ended go to the
     * status, never an exception.
     */
    public CompletableFuture<Void> saveBestModel(Path out) {
        return tasks.saveBestModel(runId.get(), selectedModel.get(), out);
    }

    /** The file name the save-model dialog suggests: {@code run-3-start-squat.zip}. */
    public String suggestedModelName() {
        Long id = runId.get();
        ModelItem item = selectedModel.get();
        return (id == null ? "run" : "run-" + id) + (item == null ? "" : "-" + item.model().toString().replace(':', '-')) + ".zip";
    }

    /** The file name the export dialog suggests. */
    public String suggestedName(ExportFormat format) {
        Long id = runId.get();
        return (id == null ? "run" : "run-" + id) + "." + format.extension();
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
    /** The shown run's resources and trials, whole, as stored; empty when no run is shown. */
    public ReadOnlyObjectProperty<WholeRunData> wholeRunProperty() { return wholeRun.getReadOnlyProperty(); }
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
    public ObservableList<ParamColumn> paramColumns() { return table.paramColumns(); }
    /** The selected model's grid points, in grid order. */
    public ObservableList<GridPointRow> rows() { return table.rows(); }
    public ObjectProperty<GridPointRow> selectedPointProperty() { return table.selectedPointProperty(); }
    /** The selected model's classes and the majority-class rate. */
    public ReadOnlyStringProperty modelNoteProperty() { return table.modelNote().getReadOnlyProperty(); }
    /** Best vs runner-up in one sentence. */
    public ReadOnlyStringProperty significanceProperty() { return table.significance().getReadOnlyProperty(); }
    /** The confusion matrix of the selected grid point, or null. */
    public ReadOnlyObjectProperty<ConfusionMatrix> confusionProperty() { return table.confusion().getReadOnlyProperty(); }
    /** The comparison the shown run took part in, or null. */
    public ReadOnlyObjectProperty<ComparisonData> comparisonProperty() { return comparison.getReadOnlyProperty(); }
    /** The folds of the selected grid point, in fold order. */
    public ObservableList<FoldRow> foldRows() { return detail.folds(); }
    /** The fold whose learning curves are drawn alone, or null for every fold. */
    public ObjectProperty<Integer> curveFoldProperty() { return detail.curveFold(); }
    /** The learning curves of the selected grid point (of {@link #curveFoldProperty()} when set). */
    public ReadOnlyObjectProperty<LearningCurves> curvesProperty() { return detail.curves().getReadOnlyProperty(); }
    /** The selected grid point and its folds in words, e.g. {@code start:squat, g1: 2 folds}. */
    public ReadOnlyStringProperty pointTitleProperty() { return detail.title().getReadOnlyProperty(); }
    /** Accuracy against each hyperparameter that varies in the selected model's grid. */
    public ObservableList<SliceChart> slices() { return slices; }
    /** The hyperparameters the slice charts may be coloured by; empty when colouring by the others is the only sense. */
    public ObservableList<ParamColumn> colourChoices() { return colourChoices; }
    /** The hyperparameter that colours the slice charts, or null for all the other varying ones together. */
    public ObjectProperty<ParamColumn> colourByProperty() { return colourBy; }
    /** What the slice charts show, or why there are none. */
    public ReadOnlyStringProperty slicesNoteProperty() { return slicesNote.getReadOnlyProperty(); }
    /** Exports and refits running now, for the task list. */
    public ObservableList<BackgroundJob> jobs() { return tasks.jobs(); }
    /** Machine CPU (%) of both modes of the comparison over time (s). */
    public ObservableList<XYChart.Series<Number, Number>> cpuSeries() { return cpuSeries; }
    /** The workers' resident memory, summed (MB), of both modes over time (s). */
    public ObservableList<XYChart.Series<Number, Number>> memorySeries() { return memorySeries; }
}
