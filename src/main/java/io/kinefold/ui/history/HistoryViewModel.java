package io.kinefold.ui.history;

import static io.kinefold.exec.Progress.clock;

import io.kinefold.data.DatasetException;
import io.kinefold.data.ModelId;
import io.kinefold.data.ModelKind;
import io.kinefold.exec.ResumeRefusedException;
import io.kinefold.exec.RunService;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.SpecException;
import io.kinefold.kind.Kinds;
import io.kinefold.report.ExportFormat;
import io.kinefold.report.Exporter;
import io.kinefold.report.ReportExtras;
import io.kinefold.report.RunsComparison;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.store.RunNote;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.Background;
import io.kinefold.ui.common.WholeRunData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State of the history view: the stored runs, the one selected, and what the last refresh,
 * delete or export did. Store work runs on the context's executor; every change to a property
 * goes through {@code fxThread}. Touches no control, so it is tested without a window.
 */
public final class HistoryViewModel {
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final AppContext context;
    private final Executor fxThread;
    private final ObservableList<HistoryRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<HistoryRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final FilteredList<HistoryRow> shown = new FilteredList<>(rows);
    private final ObservableList<HistoryRow> chosen = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunsComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final Map<Long, String> comparisonNames = new HashMap<>();
    private final ReadOnlyObjectWrapper<WholeRunData> wholeRun =
            new ReadOnlyObjectWrapper<>(this, "wholeRun", WholeRunData.empty());
    private final java.util.concurrent.atomic.AtomicLong wholeRunAsked = new java.util.concurrent.atomic.AtomicLong();

    public HistoryViewModel(AppContext context, Executor fxThread) {
        this.context = context;
        this.fxThread = fxThread;
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            String query = filter.get();
            return row -> row.matches(query);
        }, filter));
    }

    /** The view model of the app: updates on the FX thread. */
    public static HistoryViewModel forApp(AppContext context) {
        return new HistoryViewModel(context, Platform::runLater);
    }

    /** Reads the runs, newest first, in the background; the future completes once they are shown. */
    public CompletableFuture<Void> refresh() {
        loading.set(true);
        return background(() -> {
            try (Store store = Store.open(context.storeFile())) {
                Map<Long, RunNote> notes = store.notes();
                Map<Long, Long> partners = store.comparisonPartners();
                List<HistoryRow> read = store.runs().stream().map(run -> row(run, store.bestMeanAccuracies(run.id()),
                        store.bestBaselineAccuracies(run.id()), specOf(store, run.id()),
                        notes.getOrDefault(run.id(), RunNote.none(run.id())), partners.getOrDefault(run.id(), -1L)))
                        .toList();
                ui(() -> {
                    Long keep = selected.get() == null ? null : selected.get().id();
                    List<Long> keepChosen = chosen.stream().map(HistoryRow::id).toList();
                    rows.setAll(read);
                    selected.set(keep == null ? null
                            : read.stream().filter(r -> r.id() == keep).findFirst().orElse(null));
                    chosen.setAll(keepChosen.stream().flatMap(id -> read.stream().filter(r -> r.id() == id)).toList());
                    status.set(read.isEmpty() ? "No runs yet" : read.size() + (read.size() == 1 ? " run" : " runs"));
                });
            } catch (StoreException e) {
                ui(() -> status.set("The run history cannot be opened: " + e.getMessage()));
            }
        });
    }

    private static ExperimentSpec specOf(Store store, long runId) {
        try {
            return store.spec(runId);
        } catch (StoreException e) {
            return null; // a spec this version no longer reads: the row goes without folds, seed and grid
        }
    }

    /**
     * Stores the display name, tags (comma-separated) and note of the row's run, then refreshes;
     * an empty name shows the spec's name again.
     */
    public CompletableFuture<Void> saveNote(HistoryRow row, String name, String tags, String note) {
        if (row == null) {
            return CompletableFuture.completedFuture(null);
        }
        loading.set(true);
        return background(() -> {
            try (Store store = Store.open(context.storeFile())) {
                store.saveNote(new RunNote(row.id(), name, RunNote.parseTags(tags), note, null));
                ui(() -> status.set("Saved the notes of run " + row.id()));
            } catch (StoreException e) {
                ui(() -> status.set("The run history cannot be opened: " + e.getMessage()));
            } catch (IllegalArgumentException e) {
                ui(() -> status.set("Run " + row.id() + " is gone: it was deleted meanwhile"));
            }
        }).thenCompose(done -> refresh());
    }

    /**
     * Follows the table's selection, keeping the order in which runs were chosen: the first one
     * chosen is the reference of a comparison's speedups.
     */
    public void choose(List<HistoryRow> selectedNow) {
        List<HistoryRow> next = new ArrayList<>(chosen.stream().filter(selectedNow::contains).toList());
        selectedNow.stream().filter(r -> r != null && !next.contains(r)).forEach(next::add);
        if (!next.equals(chosen)) {
            chosen.setAll(next);
        }
    }

    /**
     * Reads the chosen runs' reports and samples and sets {@link #comparisonProperty()} to them side by side;
     * with fewer than two chosen, or a run whose results cannot be read, says so in the status instead.
     */
    public CompletableFuture<Void> compareChosen() {
        List<HistoryRow> runs = List.copyOf(chosen);
        if (runs.size() < 2) {
            status.set("Select two runs or more to compare them (Ctrl+click or Shift+click)");
            return CompletableFuture.completedFuture(null);
        }
        loading.set(true);
        status.set("Comparing runs " + ids(runs) + " …");
        return background(() -> {
            String failure = null;
            RunsComparison built = null;
            try (Store store = Store.open(context.storeFile())) {
                RunService service = new RunService(store);
                List<RunReport> reports = new ArrayList<>();
                Map<Long, List<ResourceSample>> samples = new HashMap<>();
                for (HistoryRow row : runs) {
                    try {
                        reports.add(service.report(row.id()));
                    } catch (DatasetException e) {
                        throw new IllegalStateException("Run " + row.id() + " cannot be compared: its dataset cannot be read ("
                                + e.getMessage() + ")");
                    } catch (SpecException e) {
                        throw new IllegalStateException("Run " + row.id() + " cannot be compared: its spec no longer plans ("
                                + e.getMessage() + ")");
                    }
                    samples.put(row.id(), ResourceSample.fromRows(store.samples(row.id())));
                }
                built = RunsComparison.of(reports, samples);
            } catch (IllegalStateException e) {
                failure = e.getMessage();
            } catch (StoreException e) {
                failure = "The run history cannot be opened: " + e.getMessage();
            }
            String text = failure;
            RunsComparison result = built;
            ui(() -> {
                if (text != null) {
                    status.set(text);
                } else {
                    comparisonNames.clear();
                    runs.forEach(r -> comparisonNames.put(r.id(), r.name()));
                    comparison.set(null);
                    comparison.set(result);
                    status.set("Compared runs " + ids(runs) + " in a window of their own (Esc closes it)");
                }
            });
        });
    }

    private static String ids(List<HistoryRow> runs) {
        List<String> ids = runs.stream().map(r -> Long.toString(r.id())).toList();
        return ids.size() == 2 ? ids.get(0) + " and " + ids.get(1)
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1);
    }

    /**
     * A compared run's heading: its number, the name the user sees in the table, and, for one that
     * stopped early, how much of it was done.
     */
    public String comparisonTitle(RunsComparison.RunColumn run) {
        String name = comparisonNames.getOrDefault(run.runId(), "");
        String title = "Run " + run.runId() + (name.isEmpty() ? "" : " · " + name);
        if (run.partial()) {
            HistoryRow row = rows.stream().filter(r -> r.id() == run.runId()).findFirst().orElse(null);
            title += row == null ? " (partial)" : " (" + row.status() + ", " + row.trials().replace(" / ", " of ") + " trials)";
        }
        return title;
    }

    /** Deletes the run and what was stored with it, then refreshes. */
    public CompletableFuture<Void> delete(HistoryRow row) {
        if (row == null) {
            return CompletableFuture.completedFuture(null);
        }
        loading.set(true);
        return background(() -> {
            try (Store store = Store.open(context.storeFile())) {
                store.deleteRun(row.id());
                ui(() -> status.set("Deleted run " + row.id()));
            } catch (StoreException e) {
                ui(() -> status.set("The run history cannot be opened: " + e.getMessage()));
            }
        }).thenCompose(done -> refresh());
    }

    /** Writes the run's report in the format to {@code out}, in the background. */
    public CompletableFuture<Void> export(HistoryRow row, ExportFormat format, Path out) {
        if (row == null) {
            return CompletableFuture.completedFuture(null);
        }
        loading.set(true);
        ui(() -> status.set("Exporting run " + row.id() + " …"));
        return background(() -> {
            String result;
            try (Store store = Store.open(context.storeFile())) {
                RunService service = new RunService(store);
                RunReport report = service.report(row.id());
                ReportExtras extras = ReportExtras.load(service.store(), row.id());
                Exporter.export(report, format, out, extras);
                result = "Wrote " + out.toAbsolutePath();
            } catch (DatasetException e) {
                result = "Run " + row.id() + " cannot be exported: its dataset cannot be read (" + e.getMessage() + ")";
            } catch (SpecException e) {
                result = "Run " + row.id() + " cannot be exported: its spec no longer plans (" + e.getMessage() + ")";
            } catch (StoreException e) {
                result = "The run history cannot be opened: " + e.getMessage();
            } catch (IOException e) {
                result = "Cannot write " + out + ": " + e.getMessage();
            }
            String text = result;
            ui(() -> status.set(text));
        });
    }

    /**
     * Runs the work on the context's executor and clears {@code loading} afterwards; an unexpected
     * error becomes a status in words rather than a lost exception.
     */
    private CompletableFuture<Void> background(Runnable work) {
        return Background.run(context, fxThread, work, e -> status.set("Stopped on an unexpected error: " + e), () -> loading.set(false));
    }

    private void ui(Runnable change) {
        fxThread.execute(change);
    }

    /**
     * Reads the run's stored samples and trial times in the background and shows them as
     * {@link #wholeRunProperty()}; a later call wins over an earlier one still reading. Nothing
     * (no row, a run deleted meanwhile, a store that cannot be read) shows as an empty chart.
     */
    public CompletableFuture<Void> loadWholeRun(HistoryRow row) {
        long asked = wholeRunAsked.incrementAndGet();
        if (row == null) {
            wholeRun.set(WholeRunData.empty());
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.background().execute(() -> {
            WholeRunData data;
            try (Store store = Store.open(context.storeFile())) {
                data = WholeRunData.forStoredRun(store, row.id());
            } catch (StoreException | RuntimeException e) {
                data = WholeRunData.empty();
            }
            WholeRunData read = data;
            ui(() -> {
                if (asked == wholeRunAsked.get()) {
                    wholeRun.set(read);
                }
                done.complete(null);
            });
        });
        return done;
    }

    /** The resources of the run last asked for by {@link #loadWholeRun}, whole, as stored. */
    public ReadOnlyObjectProperty<WholeRunData> wholeRunProperty() { return wholeRun.getReadOnlyProperty(); }

    /** Shows the run in the Results view. */
    public void open(HistoryRow row) {
        if (row != null) {
            context.shownRunProperty().set(null);
            context.shownRunProperty().set(row.id());
        }
    }

    /**
     * Asks the Run view to run the trials the run still lacks, once the engine agrees that it may
     * go on (no other live process holds it, its dataset is the one it started on); a refusal
     * is shown as the status, in the engine's words, and nothing is asked.
     */
    public CompletableFuture<Void> resume(HistoryRow row) {
        if (row == null || !row.resumable()) {
            return CompletableFuture.completedFuture(null);
        }
        loading.set(true);
        ui(() -> status.set("Checking run " + row.id() + " …"));
        return background(() -> {
            String refusal = null;
            try (Store store = Store.open(context.storeFile())) {
                new RunService(store).prepareResume(row.id());
            } catch (ResumeRefusedException e) {
                refusal = "Run " + row.id() + " cannot be resumed: " + e.getMessage();
            } catch (DatasetException e) {
                refusal = "Run " + row.id() + " cannot be resumed: its dataset cannot be read (" + e.getMessage() + ")";
            } catch (SpecException e) {
                refusal = "Run " + row.id() + " cannot be resumed: its spec no longer plans (" + e.getMessage() + ")";
            } catch (StoreException e) {
                refusal = "The run history cannot be opened: " + e.getMessage();
            }
            String text = refusal;
            ui(() -> {
                if (text != null) {
                    status.set(text);
                } else {
                    status.set("Resuming run " + row.id());
                    context.resumeRequestProperty().set(null);
                    context.resumeRequestProperty().set(row.id());
                }
            });
        });
    }

    static HistoryRow row(RunInfo run, Map<ModelId, Double> best) {
        return row(run, best, Map.of());
    }

    /** With each model's best baseline: models whose best grid point does not beat it are counted and flagged. */
    static HistoryRow row(RunInfo run, Map<ModelId, Double> best, Map<ModelId, Double> baselines) {
        return row(run, best, baselines, null, RunNote.none(run.id()), -1);
    }

    /**
     * The row of a run with its spec (null when it no longer reads), what the user wrote about it
     * and the run it was compared with (-1 for none). A run that stopped before it was done says of
     * how many trials its best is, e.g. {@code pose 0.84 (4 of 54 trials)}: it is not the grid's best.
     */
    static HistoryRow row(RunInfo run, Map<ModelId, Double> best, Map<ModelId, Double> baselines, ExperimentSpec spec,
                          RunNote note, long comparedWith) {
        String started = run.started() == null ? "" : STARTED.format(run.started().atZone(ZoneId.systemDefault()));
        long weak = best.entrySet().stream()
                .filter(e -> baselines.containsKey(e.getKey()) && e.getValue() <= baselines.get(e.getKey())).count();
        String flag = weak == 0 ? "" : " · ⚠ " + weak + (weak == 1 ? " model" : " models") + " not better than a baseline";
        boolean partial = RunsComparison.partial(run);
        String bestText = best(best);
        if (partial) {
            String done = "(" + run.trialsDone() + " of " + run.trialsTotal() + " trials)";
            bestText = bestText.isEmpty() ? "— " + done : bestText + " " + done;
        }
        String dataset = run.dataset() == null ? (spec == null ? "" : spec.dataset()) : run.dataset();
        int points = spec == null ? 0 : RunsComparison.gridPoints(spec);
        return new HistoryRow(run.id(), started, run.experimentName(), run.mode(), run.workers(),
                run.status().name().toLowerCase(Locale.ROOT), run.trialsDone() + " / " + run.trialsTotal(),
                clock(run.wallSeconds()), bestText + flag, note.name().isEmpty() ? run.experimentName() : note.name(),
                folderName(dataset), dataset, spec == null ? 0 : spec.folds(), spec == null ? 0 : spec.seed(),
                spec == null ? "" : points + (points == 1 ? " point" : " points"), run.wallSeconds(), partial,
                note.tags(), note.note(), comparedWith);
    }

    private static String folderName(String dataset) {
        if (dataset == null || dataset.isBlank()) {
            return "";
        }
        String trimmed = dataset.replaceAll("[/\\\\]+$", "");
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return slash < 0 ? trimmed : trimmed.substring(slash + 1);
    }

    /**
     * The best grid point's mean accuracy of each model (as {@link Store#bestMeanAccuracies} gives
     * it), by kind: one figure when the kind has one model, the range over its models otherwise;
     * empty before any trial succeeded.
     */
    static String best(Map<ModelId, Double> bestByModel) {
        Map<ModelKind, double[]> ranges = new TreeMap<>(Kinds.ORDER);
        bestByModel.forEach((model, best) -> {
            double[] range = ranges.computeIfAbsent(model.kind(), k -> new double[] {best, best});
            range[0] = Math.min(range[0], best);
            range[1] = Math.max(range[1], best);
        });
        List<String> parts = new ArrayList<>();
        ranges.forEach((kind, range) -> parts.add(kind.name() + " " + (range[0] == range[1]
                ? String.format(Locale.ROOT, "%.2f", range[0])
                : String.format(Locale.ROOT, "%.2f–%.2f", range[0], range[1]))));
        return String.join(" · ", parts);
    }

    /** The file name the export dialog suggests. */
    public static String suggestedName(HistoryRow row, ExportFormat format) {
        return "run-" + row.id() + "." + format.extension();
    }

    public ObservableList<HistoryRow> rows() { return rows; }
    /** The rows the filter lets through, in the store's order; the table sorts them itself. */
    public ObservableList<HistoryRow> shownRows() { return shown; }
    /** What the rows are filtered by: words that must all appear in a row's name, dataset, tags, note or status. */
    public StringProperty filterProperty() { return filter; }
    /** The runs chosen for a comparison, in the order they were chosen. */
    public ObservableList<HistoryRow> chosenRows() { return chosen; }
    /** The last comparison of chosen runs, null before one. */
    public ReadOnlyObjectProperty<RunsComparison> comparisonProperty() { return comparison.getReadOnlyProperty(); }
    public ObjectProperty<HistoryRow> selectedProperty() { return selected; }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    /** What the last action did, in plain words. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
