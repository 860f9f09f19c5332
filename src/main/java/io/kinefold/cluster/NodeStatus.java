package io.kinefold.cluster;

/**
 * A node as it describes itself ({@code kinefold cluster status}).
 *
 * @param name its address, {@code HOST:PORT}
 * @param build its {@link Build#hash()}
 * @param version Kinefold's version there
 * @param cores logical cores of its machine
 * @param memoryBytes physical memory of its machine
 * @param slots worker slots it offers
 * @param busy slots taken by workers now
 * @param trialsDone trials its workers finished since it started
 * @param sessions runs it serves now
 * @param upSeconds seconds since it started
 */
public record NodeStatus(String name, String build, String version, int cores, long memoryBytes, int slots, int busy,
                         long trialsDone, int sessions, double upSeconds) {}
