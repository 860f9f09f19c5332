package io.kinefold.ui;

import io.kinefold.data.Dataset;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.run.RunViewModel;
import java.nio.file.Path;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;

/**
 * The window's status bar (ControlsFX {@link StatusBar}): what is going on — the run with its
 * progress, else background work (loading, planning, exporting), else the last run's status —
 * and, on the right, the dataset open and the store in use. The text is cut to the window's
 * width; its tooltip has the whole of it.
 */
final class WindowStatus {
    static final String READY = "Ready";

    private final StatusBar bar = new StatusBar();
    private final IntegerProperty backgroundWork = new SimpleIntegerProperty(this, "backgroundWork");
    private final Timeline poll;

    WindowStatus(AppContext context, RunViewModel run) {
        bar.setId("statusBar");
        bar.textProperty().bind(Bindings.createStringBinding(() -> {
            if (run.runningProperty().get()) {
                String progress = run.progressTextProperty().get();
                return progress == null || progress.isBlank() ? run.statusProperty().get() : progress;
            }
            if (backgroundWork.get() > 0) {
                return "Working in the background (" + backgroundWork.get() + (backgroundWork.get() == 1 ? " task" : " tasks") + ")…";
            }
            String status = run.statusProperty().get();
            return status == null || status.isBlank() ? READY : status;
        }, run.runningProperty(), run.progressTextProperty(), run.statusProperty(), backgroundWork));
        bar.progressProperty().bind(Bindings.createDoubleBinding(
                () -> run.runningProperty().get() ? Math.max(0, run.progressProperty().get()) : 0,
                run.runningProperty(), run.progressProperty()));
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(bar.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        bar.setTooltip(whole); // a StatusBar is no Labeled: FullText does not fit it

        Label dataset = new Label();
        dataset.setId("statusDataset");
        dataset.textProperty().bind(Bindings.createStringBinding(() -> {
            Dataset d = context.datasetProperty().get();
            return d == null ? "No dataset" : "Dataset " + d.name();
        }, context.datasetProperty()));
        Path store = context.storeFile();
        Label storeLabel = new Label(store == null ? "No store" : "Store " + store.getFileName());
        storeLabel.setId("statusStore");
        if (store != null) {
            storeLabel.setTooltip(new Tooltip("Runs are kept in " + store.toAbsolutePath()));
        }
        // Whole, always: a long verdict on the left cut them to "Dataset s…" and "Store kin…".
        dataset.setMinWidth(Region.USE_PREF_SIZE);
        storeLabel.setMinWidth(Region.USE_PREF_SIZE);
        bar.getRightItems().addAll(dataset, new Separator(Orientation.VERTICAL), storeLabel);

        // Polled: the count is kept on the worker threads, see AppContext.backgroundWork().
        poll = new Timeline(new KeyFrame(Duration.millis(250), e -> backgroundWork.set(context.backgroundWork())));
        poll.setCycleCount(Animation.INDEFINITE);
    }

    StatusBar bar() {
        return bar;
    }

    void start() {
        poll.play();
    }

    /** The timer stops with the window, or it would keep the window alive. */
    void stop() {
        poll.stop();
    }
}
