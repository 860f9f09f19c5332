package io.kinefold.cli;

import io.kinefold.exec.PoolExecutor;
import io.kinefold.exec.TrialExecutor;
import io.kinefold.exec.WorkerCount;
import io.kinefold.experiment.Workload;
import io.kinefold.monitor.MachineInfo;

/** {@code --workers N|auto}: how many worker processes, and why. */
record WorkerChoice(WorkerCount count, boolean auto) {

    static WorkerChoice parse(String text) {
        if (text.equalsIgnoreCase("auto")) {
            return new WorkerChoice(WorkerCount.auto(MachineInfo.logicalCores(), MachineInfo.availableMemoryBytes(),
                    WorkerCount.INITIAL_FOOTPRINT, false), true);
        }
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is neither a number nor auto");
        }
        if (n < 1 || n > 256) {
            throw new IllegalArgumentException(n + " is outside 1–256");
        }
        return new WorkerChoice(WorkerCount.fixed(n), false);
    }

    /** {@code single} for one worker, {@code pool} for more. */
    String mode() {
        return count.workers() == 1 ? "single" : "pool";
    }

    TrialExecutor executor(Workload workload) {
        return new PoolExecutor(workload, PoolExecutor.Options.of(count.workers(), auto)).withReason(count.reason());
    }
}
