package io.kinefold.ui.run;

/**
 * One worker as the run view's table shows it.
 *
 * @param name {@code w1}, {@code w2}…
 * @param pid its process id, or -1 before it started
 * @param state in words: starting, running, succeeded…
 * @param currentTrial key of the trial it runs, or empty
 * @param trialsDone trials it finished
 * @param cpuPercent CPU in the latest sample, % of one core; NaN before the first
 * @param rssMb resident memory, MiB (latest sample, else what the worker last reported)
 */
public record WorkerRow(String name, long pid, String state, String currentTrial, int trialsDone, double cpuPercent,
                        double rssMb) {}
