package io.kinefold.monitor;

/**
 * One worker process at one sample.
 *
 * @param pid the operating system's process id
 * @param cpu its CPU load as a fraction of one core: a worker using one full core is 1.0, so the
 *     value runs from 0 to the number of logical cores
 * @param rssBytes its resident set size
 */
public record WorkerSample(long pid, double cpu, long rssBytes) {}
