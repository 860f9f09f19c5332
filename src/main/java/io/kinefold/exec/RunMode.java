package io.kinefold.exec;

import java.util.Locale;

/** Where a run's trials go; {@link ExecutorFactory} builds the executor for each. */
public enum RunMode {
    /** Every trial one after another in one worker process: the baseline a pool is compared with. */
    SINGLE,
    /** Every trial in a pool of worker processes on this machine. */
    POOL,
    /** Every trial in the worker processes of cluster nodes ({@code kinefold node}); this process schedules and stores. */
    CLUSTER;

    /** The name the store keeps for a run of this mode: {@code single}, {@code pool}. */
    public String storeName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
