package io.kinefold.exec;

import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Status;
import io.kinefold.monitor.ResourceSummary;
import java.util.List;

/**
 * How a run (or one session of it) ended.
 *
 * @param runId the run
 * @param status SUCCEEDED when every trial succeeded; FAILED when a trial failed after its retries
 *     or the executor gave up; CANCELLED when a cancel left trials undone
 * @param trials trials of the run
 * @param ranNow trials run in this session
 * @param failed trials whose stored result is a failure, over all sessions
 * @param wallSeconds wall time over all sessions
 * @param workers workers of this session
 * @param models per-model summaries of every result so far
 * @param resources what the monitor saw during this session
 * @param workerChoice the worker count and why
 */
public record RunOutcome(long runId, Status status, int trials, int ranNow, int failed, double wallSeconds, int workers,
                         List<ModelSummary> models, ResourceSummary resources, String workerChoice) {}
