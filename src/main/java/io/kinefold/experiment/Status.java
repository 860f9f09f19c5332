package io.kinefold.experiment;

/** The one lifecycle of trials, runs and workers. */
public enum Status {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
