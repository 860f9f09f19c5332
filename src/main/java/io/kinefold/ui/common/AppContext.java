package io.kinefold.ui.common;

import io.kinefold.data.Dataset;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What every view shares: the dataset that is open, the store's file, and the one executor on
 * which background work runs, so that the FX thread never waits on training, I/O or the store.
 * One instance per window; no static state.
 */
public final class AppContext implements AutoCloseable {
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final Path storeFile;
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kinefold-background");
        t.setDaemon(true);
        return t;
    });

    public AppContext(Path storeFile) {
        this.storeFile = storeFile;
    }

    /** The dataset open in the workbench; null until one has loaded. */
    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    public Path storeFile() {
        return storeFile;
    }

    public ExecutorService background() {
        return background;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
