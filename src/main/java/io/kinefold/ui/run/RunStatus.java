package io.kinefold.ui.run;

import static io.kinefold.exec.Progress.clock;

import io.kinefold.exec.Comparer;
import io.kinefold.exec.ComparisonResult;
import io.kinefold.exec.Progress;
import io.kinefold.exec.RunOutcome;
import io.kinefold.experiment.Status;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Where a run stands in words and numbers: running or not, progress, status, error, the worker
 * count's reason, the finished run and the messages, and how an outcome or a comparison reads.
 * Split from {@link RunViewModel} so that turning outcomes into text lives apart from starting
 * and sequencing runs; touches no control, and is only changed on the UI executor.
 */
final class RunStatus {
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "No run yet");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Choose a preset and run it");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper(this, "errorDetails");
    private final ReadOnlyObjectWrapper<Long> finishedRun = new ReadOnlyObjectWrapper<>(this, "finishedRun");
    private final ObservableList<String> messages = FXCollections.observableArrayList();

    /** Marks a run as going; first, so that the buttons lock before anything else changes. */
    void begin() {
        running.set(true);
    }

    /** Everything of the run before back to its start, for the spec (or resume) named. */
    void reset(String countReason, String specName) {
        finishedRun.set(null);
        progress.set(0);
        progressText.set("Preparing " + specName + " …");
        status.set("Starting…");
        error.set(null);
        errorDetails.set(null);
        reason.set(countReason);
        messages.clear();
    }

    void fail(String plain, String details) {
        error.set(plain);
        errorDetails.set(details);
        status.set(plain);
    }

    /** A failure that ends the run. */
    void failAndStop(String plain, String details) {
        fail(plain, details);
        running.set(false);
    }

    void applyCancelled() {
        status.set(RunViewModel.CANCELLED_TEXT);
        running.set(false);
    }

    /** The engine's progress: the bar and its line of text. */
    void progressed(Progress p) {
        progress.set(p.fraction());
        progressText.set(progressLine(p));
    }

    static String progressLine(Progress p) {
        String text = p.done() + " / " + p.total() + " trials";
        if (p.failed() > 0) {
            text += " (" + p.failed() + " failed)";
        }
        text += " · " + clock(p.elapsedSeconds()) + " elapsed";
        if (!Double.isNaN(p.remainingSeconds()) && p.done() < p.total()) {
            text += " · ~" + clock(p.remainingSeconds()) + " left";
        }
        return text;
    }

    void applyComparison(Comparer.ModeRun single, Comparer.ModeRun pool, ComparisonResult result) {
        progress.set(1);
        finishedRun.set(pool.runId());
        String text = String.format(Locale.ROOT, "Compared: single process %s, %d workers %s → %.2f× faster, %.0f %% efficiency",
                clock(single.outcome().wallSeconds()), pool.outcome().workers(), clock(pool.outcome().wallSeconds()),
                result.speedup(), 100 * result.efficiency());
        if (result.speedupOfReference() != null) {
            text += String.format(Locale.ROOT, " (%.0f %% of what %d plain processes get)", 100 * result.speedupOfReference(),
                    pool.outcome().workers());
        }
        text += result.metricsAgree() ? "; metrics identical" : "; metrics DIFFER in " + result.differingTrials() + " trials";
        status.set(text);
        addMessage(text);
        running.set(false);
    }

    /** The run's end in words; {@code cancelRequested} reads a stop the user asked for as a cancel. */
    void applyOutcome(RunOutcome outcome, boolean cancelRequested) {
        reason.set(outcome.workerChoice());
        if (outcome.status() == Status.SUCCEEDED) {
            progress.set(1);
            finishedRun.set(outcome.runId());
            status.set("Run " + outcome.runId() + " succeeded: " + outcome.trials() + " trials"
                    + (outcome.failed() > 0 ? ", " + outcome.failed() + " failed" : "")
                    + " in " + clock(outcome.wallSeconds()));
        } else if (outcome.status() == Status.CANCELLED || cancelRequested) {
            status.set(RunViewModel.CANCELLED_TEXT);
        } else if (outcome.failed() > 0) {
            fail("Run " + outcome.runId() + " failed: " + outcome.failed() + " of " + outcome.trials()
                    + " trials failed; resume from History runs them again", "The Messages list gives each failed trial's reason.");
        } else {
            fail("Run " + outcome.runId() + " stopped before all trials finished; resume from History",
                    outcome.failed() + " of " + outcome.trials() + " trials failed");
        }
        // last, so that whoever watches running sees the final status already in place
        running.set(false);
    }

    void addMessage(String text) {
        messages.add(text);
        if (messages.size() > RunViewModel.MAX_MESSAGES) {
            messages.remove(0, messages.size() - RunViewModel.MAX_MESSAGES);
        }
    }

    void setReason(String text) { reason.set(text); }
    void setStatus(String text) { status.set(text); }
    void setProgress(double fraction) { progress.set(fraction); }
    void setProgressText(String text) { progressText.set(text); }

    ReadOnlyStringProperty reasonProperty() { return reason.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    ReadOnlyStringProperty errorDetailsProperty() { return errorDetails.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Long> finishedRunProperty() { return finishedRun.getReadOnlyProperty(); }
    ObservableList<String> messages() { return messages; }
}
