package io.kinefold.experiment;

import java.time.Instant;

/**
 * A run as the store lists it.
 *
 * @param id run id
 * @param experimentId the experiment it belongs to
 * @param experimentName the spec's name
 * @param mode {@code single}, {@code pool}, or {@code compare-single} / {@code compare-pool}
 * @param workers worker processes (1 for single)
 * @param status the run's status ({@link Status#RUNNING} also for one interrupted without a trace)
 * @param dataset the dataset folder it ran on
 * @param started when it started
 * @param finished when it ended, or null
 * @param wallSeconds wall time over all its sessions
 * @param trialsTotal trials of the spec
 * @param trialsDone trials that succeeded or failed
 */
public record RunInfo(long id, long experimentId, String experimentName, String mode, int workers, Status status,
                      String dataset, Instant started, Instant finished, double wallSeconds, int trialsTotal,
                      int trialsDone) {}
