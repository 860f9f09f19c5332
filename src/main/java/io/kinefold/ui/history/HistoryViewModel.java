package io.kinefold.ui.history;

import io.kinefold.data.DatasetException;
import io.kinefold.exec.RunService;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.SpecException;
import io.kinefold.report.ExportFormat;
import io.kinefold.report.Exporter;
import io.kinefold.report.ReportExtras;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.ui.common.AppContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
                List<HistoryRow> read = store.runs().stream().map(HistoryViewModel::row).toList();
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
                ReportExtras extras = service.extras(row.id());
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
        CompletableFuture<Void> applied = new CompletableFuture<>();
        context.background().execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                ui(() -> status.set("Stopped on an unexpected error: " + e));
            } finally {
                fxThread.execute(() -> {
                    loading.set(false);
                    applied.complete(null);
                });
            }
        });
        return applied;
    }

    private void ui(Runnable change) {
        fxThread.execute(change);
    }

    static HistoryRow row(RunInfo run) {
        String started = run.started() == null ? "" : STARTED.format(run.started().atZone(ZoneId.systemDefault()));
        return new HistoryRow(run.id(), started, run.experimentName(), run.mode(), run.workers(),
                run.status().name().toLowerCase(Locale.ROOT), run.trialsDone() + " / " + run.trialsTotal(),
                clock(run.wallSeconds()));
    }

    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
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
