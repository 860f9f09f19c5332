package io.kinefold.ui.history;

import static io.kinefold.exec.Progress.clock;

import io.kinefold.data.DatasetException;
import io.kinefold.data.ModelId;
import io.kinefold.data.ModelKind;
import io.kinefold.exec.ResumeRefusedException;
import io.kinefold.exec.RunService;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.SpecException;
import io.kinefold.kind.Kinds;
import io.kinefold.report.ExportFormat;
import io.kinefold.report.Exporter;
import io.kinefold.report.ReportExtras;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.Background;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

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

    public HistoryViewModel(AppContext context, Executor fxThread) {
        this.context = context;
        this.fxThread = fxThread;
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
                List<HistoryRow> read = store.runs().stream().map(run -> row(run, store.bestMeanAccuracies(run.id()),
                        store.bestBaselineAccuracies(run.id()))).toList();
                ui(() -> {
                    Long keep = selected.get() == null ? null : selected.get().id();
                    rows.setAll(read);
                    selected.set(keep == null ? null
                            : read.stream().filter(r -> r.id() == keep).findFirst().orElse(null));
                    status.set(read.isEmpty() ? "No runs yet" : read.size() + (read.size() == 1 ? " run" : " runs"));
                });
            } catch (StoreException e) {
                ui(() -> status.set("The run history cannot be opened: " + e.getMessage()));
            }
        });
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
        String started = run.started() == null ? "" : STARTED.format(run.started().atZone(ZoneId.systemDefault()));
        long weak = best.entrySet().stream()
                .filter(e -> baselines.containsKey(e.getKey()) && e.getValue() <= baselines.get(e.getKey())).count();
        String flag = weak == 0 ? "" : " · ⚠ " + weak + (weak == 1 ? " model" : " models") + " not better than a baseline";
        return new HistoryRow(run.id(), started, run.experimentName(), run.mode(), run.workers(),
                run.status().name().toLowerCase(Locale.ROOT), run.trialsDone() + " / " + run.trialsTotal(),
                clock(run.wallSeconds()), best(best) + flag);
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
    public ObjectProperty<HistoryRow> selectedProperty() { return selected; }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    /** What the last action did, in plain words. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
