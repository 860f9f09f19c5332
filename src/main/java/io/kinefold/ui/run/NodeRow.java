package io.kinefold.ui.run;

/**
 * One cluster node as the run view's nodes table shows it.
 *
 * @param address {@code HOST:PORT}
 * @param workers its workers alive now
 * @param busy of those, the ones running a trial
 * @param trialsDone trials its workers finished in this run
 * @param cpuPercent its machine's CPU in its latest sample, % of all its cores; NaN before the first
 * @param memoryUsedMb its machine's memory in use, MiB; NaN before the first sample
 * @param memoryTotalMb its machine's memory, MiB
 * @param state in words: serving, or gone (left the cluster)
 */
public record NodeRow(String address, int workers, int busy, int trialsDone, double cpuPercent, double memoryUsedMb,
                      double memoryTotalMb, String state) {}
