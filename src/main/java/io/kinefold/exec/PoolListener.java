package io.kinefold.exec;

/** What only a pool reports: its workers coming and going. */
public interface PoolListener extends ExecutionListener {
    default void workerChanged(WorkerInfo worker) {}
}
