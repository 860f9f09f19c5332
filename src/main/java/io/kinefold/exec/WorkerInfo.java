package io.kinefold.exec;

import io.kinefold.experiment.Status;

/**
 * A worker as the pool sees it, for tables and charts.
 *
 * @param name {@code w1}, {@code w2}…; a replacement gets a new name
 * @param pid its process id, or -1 before it started
 * @param status QUEUED while starting, RUNNING while alive, terminal once gone
 * @param currentTrial key of the trial it runs, or null
 * @param trialsDone trials it finished
 * @param rssBytes resident memory it reported after its last trial
 * @param nativeBytes native heap in use in it after its last trial (malloc: ND4J's arrays and work buffers), -1 if unknown
 */
public record WorkerInfo(String name, long pid, Status status, String currentTrial, int trialsDone, long rssBytes,
                         long nativeBytes) {}
