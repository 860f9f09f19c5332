package io.kinefold.ui.common;

import io.kinefold.data.Dataset;
import io.kinefold.experiment.ExperimentSpec;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.Preferences;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What every view shares: the dataset that is open, the spec designed in the Experiment view,
 * the run shown in Results, the store's file, the user's preferences, and the one executor on
 * which background work runs, so that the FX thread never waits on training, I/O or the store.
 * One instance per window; no static state.
 */
public final class AppContext implements AutoCloseable {
    /** The preferences node of the app, under the user root. */
    public static final String PREFERENCES_NODE = "io/kinefold";

    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObjectProperty<ExperimentSpec> spec = new SimpleObjectProperty<>(this, "spec");
    private final ObjectProperty<Long> shownRun = new SimpleObjectProperty<>(this, "shownRun");
    private final ObjectProperty<Long> resumeRequest = new SimpleObjectProperty<>(this, "resumeRequest");
    private final StringProperty workers = new SimpleStringProperty(this, "workers", "auto");
    private final Path storeFile;
    private final Preferences preferences;
    private FileDialogs fileDialogs;
    private final AtomicInteger backgroundWork = new AtomicInteger();
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kinefold-background");
        t.setDaemon(true);
        return t;
    });

    public AppContext(Path storeFile) {
        this(storeFile, Preferences.userRoot().node(PREFERENCES_NODE));
    }

    public AppContext(Path storeFile, Preferences preferences) {
        this.storeFile = storeFile;
        this.preferences = preferences;
        this.fileDialogs = FileDialogs.system(preferences);
    }

    /** The dataset open in the workbench; null until one has loaded. */
    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    /**
     * The spec designed in the Experiment view, valid against the open dataset, which the Run view
     * runs; null while the form has a problem or no dataset is open.
     */
    public ObjectProperty<ExperimentSpec> specProperty() {
        return spec;
    }

    /**
     * The id of the run shown in the Results view. Setting it (History's "Open in Results", a run
     * that finished) loads that run there and brings the Results tab forward.
     */
    public ObjectProperty<Long> shownRunProperty() {
        return shownRun;
    }

    /**
     * The worker count as the user typed it, {@code auto} or a number; edited in the Experiment
     * view and the Run view alike, each validating it.
     */
    public StringProperty workersProperty() {
        return workers;
    }

    /**
     * The id of a stored run the user asked to resume (History's "Resume"); the Run view runs its
     * missing trials and the Run tab comes forward.
     */
    public ObjectProperty<Long> resumeRequestProperty() {
        return resumeRequest;
    }

    public Path storeFile() {
        return storeFile;
    }

    /** Where views remember things between sessions: last folder, window size, dividers. */
    public Preferences preferences() {
        return preferences;
    }

    /** The file and folder dialogs the views show. */
    public FileDialogs fileDialogs() {
        return fileDialogs;
    }

    /** Replaces the dialogs, before the views are made: headless tests answer them at once. */
    public void setFileDialogs(FileDialogs dialogs) {
        this.fileDialogs = dialogs;
    }

    /**
     * Where background work runs. Once the window has closed, work handed in late (a load that
     * finished after the close and wants to start the next step) is dropped: nothing is left to
     * show it to.
     */
    public Executor background() {
        return task -> {
            try {
                backgroundWork.incrementAndGet();
                background.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        backgroundWork.decrementAndGet();
                    }
                });
            } catch (RejectedExecutionException closed) {
                backgroundWork.decrementAndGet();
                // the context is closed: the window is gone
            }
        };
    }

    /**
     * Tasks handed to {@link #background()} that have not finished: loads, plans, exports, store
     * reads. Read from any thread; the window's status bar polls it, since a count kept on the FX
     * thread would need the toolkit that view-model tests run without.
     */
    public int backgroundWork() {
        return backgroundWork.get();
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
