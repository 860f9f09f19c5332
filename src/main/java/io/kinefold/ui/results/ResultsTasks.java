package io.kinefold.ui.results;

import io.kinefold.data.DatasetException;
import io.kinefold.exec.ModelFile;
import io.kinefold.exec.Refit;
import io.kinefold.exec.RefitRefusedException;
import io.kinefold.exec.RunService;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.SpecException;
import io.kinefold.report.ExportFormat;
import io.kinefold.report.Exporter;
import io.kinefold.report.ModelFileOutput;
import io.kinefold.report.ReportExtras;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.Background;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Results view's work in the background: exports, chart files and the refit of a best model,
 * each listed among {@link #jobs()} while it runs and cancellable there; what each did goes to the
 * view model's status, an unexpected error to its error. Split from {@link ResultsViewModel}, which
 * hands it the shown run at each call.
 */
final class ResultsTasks {
    private final AppContext context;
    private final Executor fxThread;
    private final ReadOnlyBooleanWrapper loading;
    private final ReadOnlyStringWrapper status;
    private final ReadOnlyStringWrapper error;
    private final ReadOnlyStringWrapper errorDetails;
    private final ObservableList<BackgroundJob> jobs = FXCollections.observableArrayList();

    ResultsTasks(AppContext context, Executor fxThread, ReadOnlyBooleanWrapper loading, ReadOnlyStringWrapper status,
                 ReadOnlyStringWrapper error, ReadOnlyStringWrapper errorDetails) {
        this.context = context;
        this.fxThread = fxThread;
        this.loading = loading;
        this.status = status;
        this.error = error;
        this.errorDetails = errorDetails;
    }

    /** Writes the run's report in the format to {@code out}, in the background. */
    CompletableFuture<Void> export(RunReport shown, ReportExtras shownExtras, ExportFormat format, Path out) {
        if (shown == null) {
            status.set("Open a run first: there is nothing to export");
            return CompletableFuture.completedFuture(null);
        }
        loading.set(true);
        status.set("Exporting run " + shown.run().id() + " …");
        BackgroundJob job = start("Export of run " + shown.run().id() + " as " + format.label(), "Writing " + out.getFileName() + " …");
        return background(job, () -> {
            String result;
            try {
                if (job.cancelled()) {
                    result = "Cancelled the export of run " + shown.run().id() + ": nothing was written";
                } else {
                    Exporter.export(shown, format, out, shownExtras);
                    result = "Wrote " + out.toAbsolutePath();
                }
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
    CompletableFuture<Void> exportCharts(RunReport shown, ReportExtras shownExtras, Path folder) {
        if (shown == null) {
            status.set("Open a run first: there are no charts to export");
            return CompletableFuture.completedFuture(null);
        }
        loading.set(true);
        status.set("Drawing the charts of run " + shown.run().id() + " …");
        BackgroundJob job = start("Charts of run " + shown.run().id() + " as PNG", "Drawing into " + folder.getFileName() + " …");
        return background(job, () -> {
            String result;
            try {
                if (job.cancelled()) {
                    throw new java.util.concurrent.CancellationException();
                }
                List<String> written = ChartFiles.write(shown, shownExtras, folder);
                result = "Wrote " + written.size() + (written.size() == 1 ? " chart" : " charts") + " to "
                        + folder.toAbsolutePath() + ": " + String.join(", ", written);
            } catch (IOException e) {
                result = "Cannot write the charts to " + folder + ": " + e.getMessage();
            } catch (java.util.concurrent.CancellationException e) {
                result = "Cancelled the charts of run " + shown.run().id() + ": nothing was written";
            }
            String text = result;
            ui(() -> status.set(text));
        });
    }

    /**
     * Trains the selected model's best grid point on all of its data ({@link Refit}) and writes it
     * to {@code out}, with its sidecar beside it, in the background; what it is doing and how it
     * ended go to the status, never an exception.
     */
    CompletableFuture<Void> saveBestModel(Long id, ModelItem item, Path out) {
        if (id == null || item == null) {
            status.set("Select a model of a run first: there is nothing to save");
            return CompletableFuture.completedFuture(null);
        }
        if (!item.hasBest()) {
            status.set(item.model() + " has no grid point with a succeeded fold: there is no best model to save");
            return CompletableFuture.completedFuture(null);
        }
        loading.set(true);
        status.set("Refitting the best grid point of " + item.model() + " …");
        BackgroundJob job = start("Save best " + item.model() + " model of run " + id, "Refitting the best grid point …");
        return background(job, () -> {
            String result;
            try (Store store = Store.open(context.storeFile())) {
                ModelFileOutput.checkTargets(out);
                ModelFile file = new Refit(new RunService(store)).run(id, item.model(), text -> ui(() -> {
                    status.set(text);
                    job.say(text);
                }), job::cancelled);
                Path sidecar = ModelFileOutput.write(file, out);
                result = "Saved the best " + item.model() + " model (grid point " + file.info().gridPoint() + ", trained "
                        + file.info().epochs() + (file.info().epochs() == 1 ? " epoch" : " epochs") + ") to " + out.toAbsolutePath()
                        + ", its description to " + sidecar.getFileName();
            } catch (RefitRefusedException | StoreException | SpecException | DatasetException e) {
                result = "Cannot save the best " + item.model() + " model: " + e.getMessage();
            } catch (IOException e) {
                result = "Cannot write " + out + ": " + e.getMessage();
            } catch (java.util.concurrent.CancellationException e) {
                result = "Cancelled saving the best " + item.model() + " model: nothing was written";
            }
            String text = result;
            ui(() -> status.set(text));
        });
    }


    /**
     * Runs the work on the context's executor and clears {@code loading} afterwards; an unexpected
     * error becomes a status in words rather than a lost exception.
     */
    CompletableFuture<Void> background(Runnable work) {
        return background(null, work);
    }

    /** As {@link #background(Runnable)}, listing {@code job} among the {@link #jobs()} until it ends. */
    private CompletableFuture<Void> background(BackgroundJob job, Runnable work) {
        return Background.run(context, fxThread, work, e -> {
            error.set("Stopped on an unexpected error");
            errorDetails.set(String.valueOf(e));
            status.set("Stopped on an unexpected error: " + e);
        }, () -> {
            loading.set(false);
            jobs.remove(job);
        });
    }

    private BackgroundJob start(String title, String message) {
        BackgroundJob job = new BackgroundJob(title, message);
        jobs.add(job);
        return job;
    }

    private void ui(Runnable change) {
        fxThread.execute(change);
    }

    ObservableList<BackgroundJob> jobs() { return jobs; }
}
