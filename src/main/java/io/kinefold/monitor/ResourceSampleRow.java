package io.kinefold.monitor;

/**
 * One measurement of the resource monitor, stored with the run it was taken during.
 *
 * @param runId the run
 * @param epochMillis when it was taken
 * @param source what was measured: {@code machine}, a core such as {@code core3}, or a worker
 *     such as {@code w1}
 * @param metric what about it: {@code cpu}, {@code rssMb}, {@code memUsedMb}, …
 * @param value the measurement
 */
public record ResourceSampleRow(long runId, long epochMillis, String source, String metric, double value) {}
