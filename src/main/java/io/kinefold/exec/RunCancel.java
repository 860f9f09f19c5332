package io.kinefold.exec;

import io.kinefold.experiment.Workload;
import java.util.function.Function;

/**
 * A cancel for work whose executors are made later, one per run: a cancel that comes before an
 * executor exists reaches it as soon as it is made. Safe from any thread (a button, a shutdown hook).
 */
public final class RunCancel {
    private volatile TrialExecutor current;
    private volatile boolean requested;

    /** The executors of {@code executors}, each watched by this cancel. */
    public Function<Workload, TrialExecutor> watching(Function<Workload, TrialExecutor> executors) {
        return workload -> {
            TrialExecutor created = executors.apply(workload);
            current = created;
            // Read after current is set, and cancel() sets requested before it reads current: one of them sees the other.
            if (requested) {
                created.cancel();
            }
            return created;
        };
    }

    /** Stops the current executor and every one made after. */
    public void cancel() {
        requested = true;
        TrialExecutor executor = current;
        if (executor != null) {
            executor.cancel();
        }
    }

    public boolean requested() {
        return requested;
    }
}
