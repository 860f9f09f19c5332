package io.kinefold.ui.run;

import static io.kinefold.exec.Progress.clock;

import io.kinefold.exec.Comparer;
import io.kinefold.exec.ComparisonResult;
import io.kinefold.exec.Progress;
import io.kinefold.exec.RunOutcome;
import io.kinefold.exec.RunWarnings;
import io.kinefold.experiment.Status;
import java.util.List;
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
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    // The latest progress of the run going, for the line that stays once it has ended; null before any.
    private Progress lastProgress;

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
        lastProgress = null;
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

    /**
     * A start refused before anything ran: the problem once, in the error line, and nothing of the
     * last run's progress beside it.
     */
    void refuse(String plain, String details) {
        error.set(plain);
        errorDetails.set(details);
        status.set("Not started");
        progress.set(0);
        progressText.set("No run");
        lastProgress = null;
        finishedRun.set(null);
    }

    /** A failure that ends the run. */
    void failAndStop(String plain, String details) {
        fail(plain, details);
        progressText.set(endedLine("stopped"));
        running.set(false);
    }

    void applyCancelled() {
        status.set(RunViewModel.CANCELLED_TEXT);
        progressText.set(endedLine("cancelled"));
        running.set(false);
    }

    /** The engine's progress: the bar and its line of text. */
    void progressed(Progress p) {
        lastProgress = p;
        progress.set(p.fraction());
        progressText.set(progressLine(p));
    }

    static String progressLine(Progress p) {
        String text = countLine(p);
        if (p.done() < p.total()) {
            // no figure before it means something: the engine gives none before a tenth of the work is done
            text += Double.isNaN(p.remainingSeconds()) ? " · estimating time left…" : " · ~" + clock(p.remainingSeconds()) + " left";
        }
        return text;
    }

    private static String countLine(Progress p) {
        String text = p.done() + " / " + p.total() + " trials";
        if (p.failed() > 0) {
            text += " (" + p.failed() + " failed)";
        }
        return text + " · " + clock(p.elapsedSeconds()) + " elapsed";
    }

    /** The progress line of a run that has ended: what it did, never a time left or a phase's doing. */
    private String endedLine(String how) {
        return lastProgress == null ? "No trial finished · " + how : countLine(lastProgress) + " · " + how;
    }

    /** The warnings before a run (worker count against the machine); replaces those shown. */
    void setWarnings(List<String> before) {
        warnings.setAll(before);
    }

    /** A warning that came up during the work; also in the messages. */
    void warn(String text) {
        if (!warnings.contains(text)) {
            warnings.add(text);
            addMessage("Warning: " + text);
        }
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
        if (RunWarnings.ofComparison(result) != null || result.reference() != null
                && result.reference().speedup() < RunWarnings.LOW_REFERENCE * result.reference().processes()) {
            // never the pool's share of a reference without saying the reference cannot be trusted
            text += " — the reference is unreliable, see the warning";
        }
        status.set(text);
        progressText.set(endedLine("compared"));
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
        progressText.set(endedLine(switch (outcome.status()) {
            case SUCCEEDED -> "done";
            case CANCELLED -> "cancelled";
            default -> cancelRequested ? "cancelled" : "stopped";
        }));
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
    ObservableList<String> warnings() { return warnings; }
}
