package io.kinefold.experiment;

import io.kinefold.model.Metrics;

/**
 * A finished trial.
 *
 * @param trial what ran
 * @param status {@link Status#SUCCEEDED} with metrics, or {@link Status#FAILED} with an error
 * @param metrics null unless succeeded
 * @param error null unless failed: the reason in plain words
 * @param worker who ran it ({@code main} in the single process, {@code w2} in a pool)
 * @param wallSeconds wall time of the whole trial as its executor measured it
 */
public record TrialResult(Trial trial, Status status, Metrics metrics, String error, String worker, double wallSeconds) {
    public static TrialResult succeeded(Trial trial, Metrics metrics, String worker, double wallSeconds) {
        return new TrialResult(trial, Status.SUCCEEDED, metrics, null, worker, wallSeconds);
    }

    public static TrialResult failed(Trial trial, String error, String worker, double wallSeconds) {
        return new TrialResult(trial, Status.FAILED, null, error, worker, wallSeconds);
    }
}
