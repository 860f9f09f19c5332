package io.kinefold.ui.results;

import static io.kinefold.ui.results.ResultsView.EXPORT_CSV;

import io.kinefold.report.ExportFormat;
import io.kinefold.ui.common.Dialogs;
import io.kinefold.ui.common.FileDialogs;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.TaskProgressView;

/** The export menu, saving the best model, and the task list of {@link ResultsView}'s background jobs. */
final class ResultsExports {
    private final ResultsViewModel model;
    private final FileDialogs dialogs;
    private final VBox root;
    private final MenuButton exportButton;
    private final TaskProgressView<Task<Void>> taskView;

    ResultsExports(ResultsViewModel model, FileDialogs dialogs, VBox root, MenuButton exportButton,
            TaskProgressView<Task<Void>> taskView) {
        this.model = model;
        this.dialogs = dialogs;
        this.root = root;
        this.exportButton = exportButton;
        this.taskView = taskView;
    }

    /**
     * Exports and refits in ControlsFX's task list, each with a cancel button. The view model runs
     * the work on the app's executor and stays free of {@link Task} (which needs a running toolkit);
     * here each job gets a Task that is never run, only shown: the list drops a task when it is
     * cancelled, which is how a job that ended leaves it, and its cancel button asks the job to stop.
     */
    void initTasks() {
        taskView.visibleProperty().bind(Bindings.isNotEmpty(taskView.getTasks()));
        taskView.managedProperty().bind(taskView.visibleProperty());
        java.util.Map<BackgroundJob, JobTask> shown = new java.util.HashMap<>();
        model.jobs().addListener((ListChangeListener<BackgroundJob>) c -> {
            while (c.next()) {
                for (BackgroundJob job : c.getRemoved()) {
                    JobTask task = shown.remove(job);
                    if (task != null) {
                        task.cancel();
                    }
                }
                for (BackgroundJob job : c.getAddedSubList()) {
                    JobTask task = new JobTask(job);
                    shown.put(job, task);
                    taskView.getTasks().add(task);
                }
            }
        });
    }

    /** A background job as the task list shows it: its title, its message, and cancel passed on. */
    private static final class JobTask extends Task<Void> {
        JobTask(BackgroundJob job) {
            updateTitle(job.title());
            updateMessage(job.messageProperty().get());
            job.messageProperty().addListener((obs, old, text) -> updateMessage(text));
            setOnCancelled(e -> job.cancel());
        }

        @Override
        protected Void call() {
            throw new UnsupportedOperationException("shown only: the view model runs the job");
        }
    }

    void initExportMenu() {
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem(format.label() + "…");
            item.setId("export-" + format.extension());
            if (format == ExportFormat.CSV) {
                item.setAccelerator(EXPORT_CSV);
            }
            // The shortcut is the scene's: it acts only while the Results tab is in front.
            item.setOnAction(e -> {
                if (Dialogs.isShowing(root)) {
                    export(format);
                }
            });
            exportButton.getItems().add(item);
        }
        MenuItem charts = new MenuItem("Charts as PNG…");
        charts.setId("export-charts");
        charts.setOnAction(e -> exportCharts());
        exportButton.getItems().addAll(new SeparatorMenuItem(), charts);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void export(ExportFormat format) {
        if (model.runIdProperty().get() == null || model.loadingProperty().get()) {
            return;
        }
        dialogs.show(window(), FileDialogs.Request.saveFile("Export the run as " + format.label(), null,
                model.suggestedName(format), format.label(), format.extension().toLowerCase(Locale.ROOT)))
                .ifPresent(file -> model.export(format, file));
    }

    private void exportCharts() {
        if (model.runIdProperty().get() == null || model.loadingProperty().get()) {
            return;
        }
        dialogs.show(window(), FileDialogs.Request.folder("Folder for the charts (PNG)", null))
                .ifPresent(model::exportCharts);
    }

    void saveBestModel() {
        ModelItem item = model.selectedModelProperty().get();
        if (model.runIdProperty().get() == null || model.loadingProperty().get() || item == null) {
            return;
        }
        dialogs.show(window(), FileDialogs.Request.saveFile("Save the best " + item.model() + " model", null,
                model.suggestedModelName(), "Kinefold model", "zip"))
                .ifPresent(model::saveBestModel);
    }
}
