package io.kinefold.exec;

import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;

/**
 * What an executor reports while it works. Called from the executor's own threads: a GUI must
 * hop to its UI thread, a command line may print directly.
 */
public interface ExecutionListener {
    default void trialStarted(Trial trial, String worker) {}

    void trialFinished(TrialResult result);

    /** A line for the log: worker started, worker died, trial retried… */
    default void message(String text) {}
}
