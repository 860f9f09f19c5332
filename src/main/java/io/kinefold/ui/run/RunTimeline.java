package io.kinefold.ui.run;

import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The timeline of a run: one bar per trial attempt, by worker, and the seconds since the run
 * started. Split from {@link RunViewModel} so that the bars and their clock live apart from
 * running trials; touches no control, and is only changed under the view model's lock on the UI
 * executor.
 *
 * <p>Its clock is the run's one clock: the live charts place each sample with {@link #secondsAt},
 * so that a trial's bar and the load it caused line up. Wall-clock milliseconds rather than
 * {@code nanoTime}, because a sample carries the wall-clock time it was taken at.
 */
final class RunTimeline {
    private final ObservableList<TimelineBar> bars = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper elapsed = new ReadOnlyDoubleWrapper(this, "elapsed");
    private final LongSupplier millis;
    private long startMillis;

    RunTimeline() {
        this(System::currentTimeMillis);
    }

    RunTimeline(LongSupplier millis) {
        this.millis = millis;
        startMillis = millis.getAsLong();
    }

    /** Starts the clock again at zero; the bars stay. */
    void restartClock() {
        startMillis = millis.getAsLong();
        elapsed.set(0);
    }

    /** When the clock was last started, epoch milliseconds: the run's start. */
    long startMillis() {
        return startMillis;
    }

    /** Seconds from the run's start to the given wall-clock time. */
    double secondsAt(long epochMillis) {
        return (epochMillis - startMillis) / 1000.0;
    }

    /** Empties the timeline for a new run and starts its clock. */
    void clear() {
        restartClock();
        bars.clear();
    }

    /** Moves the right edge to now: on every monitor sample. */
    void tick() {
        elapsed.set(now());
    }

    /** Opens a bar for the trial on the lane. */
    void started(String lane, Trial trial) {
        bars.add(new TimelineBar(lane, trial.key(), trial.model().kind(), now(), Double.NaN, false));
    }

    /** Ends the trial's open bar; a trial that was retried on another worker has one bar per attempt. */
    void finished(String lane, TrialResult result) {
        for (int i = bars.size() - 1; i >= 0; i--) {
            TimelineBar bar = bars.get(i);
            if (bar.running() && bar.trial().equals(result.trial().key()) && bar.lane().equals(lane)) {
                bars.set(i, bar.finish(now(), result.status() != Status.SUCCEEDED));
                return;
            }
        }
    }

    private double now() {
        return secondsAt(millis.getAsLong());
    }

    ObservableList<TimelineBar> bars() { return bars; }
    ReadOnlyDoubleProperty elapsedProperty() { return elapsed.getReadOnlyProperty(); }
}
