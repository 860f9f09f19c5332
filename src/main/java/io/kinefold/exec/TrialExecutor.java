package io.kinefold.exec;

import io.kinefold.experiment.Trial;
import java.util.List;
import java.util.Map;

/**
 * Runs trials and reports each as it finishes: in this process, in a pool of worker processes,
 * or, later, on a cluster; nothing above this interface knows which.
 */
public interface TrialExecutor extends AutoCloseable {
    /**
     * Runs the trials, in an order of the executor's choosing, and returns when all have
     * finished or the executor was cancelled. Every trial that finishes is reported exactly once.
     */
    void execute(List<Trial> trials, ExecutionListener listener);

    /** Stops as soon as possible; trials not finished are not reported. Safe from any thread. */
    void cancel();

    boolean cancelled();

    /** Workers this executor runs trials on at once. */
    int workers();

    /** The worker count in words: how many and why, for the log and the run view. */
    default String countReason() {
        return WorkerCount.fixed(workers()).reason();
    }

    /** Name to PID of every process that runs trials now, for the resource monitor; empty when none. */
    default Map<String, Long> workerPids() {
        return Map.of();
    }

    /**
     * Where samples of other machines go: a cluster node's machine and workers, with the node's
     * name, from the executor's threads. Nothing comes for an executor on this machine only.
     */
    default void onNodeSample(java.util.function.BiConsumer<String, io.kinefold.monitor.ResourceSample> sink) {}

    @Override
    default void close() {}
}
