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
    // Work that is not an executor (the CPU reference's processes) and stops by this action.
    private volatile Runnable other;

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

    /** Stops the current executor and every one made after, and the work registered with {@link #onCancel}. */
    public void cancel() {
        requested = true;
        TrialExecutor executor = current;
        if (executor != null) {
            executor.cancel();
        }
        Runnable action = other;
        if (action != null) {
            action.run();
        }
    }

    /**
     * Runs {@code action} on a cancel until the returned handle is closed; at once when the cancel
     * came already. For work that is not an executor, such as the CPU reference.
     */
    public AutoCloseable onCancel(Runnable action) {
        other = action;
        // Read after other is set, as in watching: a cancel in between is seen by one of the two.
        if (requested) {
            action.run();
        }
        return () -> other = null;
    }

    public boolean requested() {
        return requested;
    }
}
