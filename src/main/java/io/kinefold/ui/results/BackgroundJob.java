package io.kinefold.ui.results;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Work of the view running in the background (an export, the refit of "Save best model…") as the
 * task list shows it: what it is, what it is doing now, and a request to stop that the work checks
 * between its steps. Changed on the FX thread, except {@link #cancelled()}, read from the work's.
 */
public final class BackgroundJob {
    private final String title;
    private final ReadOnlyStringWrapper message;
    private volatile boolean cancelled;

    BackgroundJob(String title, String message) {
        this.title = title;
        this.message = new ReadOnlyStringWrapper(this, "message", message);
    }

    /** E.g. {@code Refit of start:squat, run 3}. */
    public String title() {
        return title;
    }

    /** What it is doing now, in words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    void say(String text) {
        message.set(text);
    }

    /** Asks the work to stop at its next step; work that has no steps left finishes anyway. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel()} was asked. */
    public boolean cancelled() {
        return cancelled;
    }
}
