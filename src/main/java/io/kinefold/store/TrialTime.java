package io.kinefold.store;

import io.kinefold.data.ModelId;
import io.kinefold.experiment.Status;

/**
 * When a stored trial ran: its last recorded attempt, as the {@code trials} and
 * {@code baseline_trials} tables keep it. Enough to draw it on a run's time axis.
 *
 * @param trialKey the trial's key
 * @param model its model
 * @param worker who ran it
 * @param status how it ended
 * @param finishedAtMillis when its result was recorded, epoch milliseconds
 * @param wallSeconds its wall time, so it started {@code wallSeconds} before it finished
 */
public record TrialTime(String trialKey, ModelId model, String worker, Status status, long finishedAtMillis,
                        double wallSeconds) {
    /** When it started, epoch milliseconds. */
    public long startedAtMillis() {
        return finishedAtMillis - Math.round((Double.isNaN(wallSeconds) ? 0 : wallSeconds) * 1000);
    }
}
