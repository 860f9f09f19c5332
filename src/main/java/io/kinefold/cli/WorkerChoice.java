package io.kinefold.cli;

import io.kinefold.exec.PoolExecutor;
import io.kinefold.exec.TrialExecutor;
import io.kinefold.exec.WorkerCount;
import io.kinefold.experiment.Workload;

/** {@code --workers N|auto}: how many worker processes, and why. */
record WorkerChoice(WorkerCount count, boolean auto) {

    /** @throws IllegalArgumentException with the reason, as {@link WorkerCount#parse} gives it */
    static WorkerChoice parse(String text) {
        return new WorkerChoice(WorkerCount.parse(text), WorkerCount.isAuto(text));
    }

    /** {@code single} for one worker, {@code pool} for more. */
    String mode() {
        return count.workers() == 1 ? "single" : "pool";
    }

    TrialExecutor executor(Workload workload) {
        return new PoolExecutor(workload, PoolExecutor.Options.of(count.workers(), auto)).withReason(count.reason());
    }
}
