package io.kinefold.exec;

import io.kinefold.experiment.Workload;
import java.util.function.Function;

/**
 * The one way to get a {@link TrialExecutor}: from the run's mode, the workload and the worker
 * choice. {@link #LOCAL} builds this machine's executors; tests pass their own.
 */
@FunctionalInterface
public interface ExecutorFactory {
    /** Builds the executor of a run; it carries the choice's reason as its {@link TrialExecutor#countReason}. */
    TrialExecutor create(RunMode mode, Workload workload, WorkerChoice choice);

    /** Executors on this machine: one worker process, or a pool of them. */
    ExecutorFactory LOCAL = ExecutorFactory::local;

    /** The executor of every run of the given mode and choice, for {@link RunService#execute}. */
    default Function<Workload, TrialExecutor> of(RunMode mode, WorkerChoice choice) {
        return workload -> create(mode, workload, choice);
    }

    /**
     * {@link RunMode#SINGLE} runs in one worker process, whatever the choice's count (its reason is
     * kept when it asks for one worker); {@link RunMode#POOL} in as many as the choice says.
     */
    static TrialExecutor local(RunMode mode, Workload workload, WorkerChoice choice) {
        return switch (mode) {
            case SINGLE -> new PoolExecutor(workload, PoolExecutor.Options.of(1, false).withTrialTimeout(choice.trialTimeoutSeconds()))
                    .withReason(choice.workers() == 1 ? choice.reason() : WorkerChoice.SINGLE_REASON);
            case POOL -> new PoolExecutor(workload, PoolExecutor.Options.of(choice.workers(), choice.auto())
                    .withTrialTimeout(choice.trialTimeoutSeconds()))
                    .withReason(choice.reason());
            case CLUSTER -> throw new IllegalArgumentException(
                    "a cluster run needs the cluster's executors (io.kinefold.cluster.ClusterExecutors), not this machine's");
        };
    }

    /**
     * One worker process, never recycled and never retried, started by {@code launcher}: what the
     * bench measures is one worker's life.
     */
    static TrialExecutor benchWorker(Workload workload, WorkerLauncher launcher) {
        PoolExecutor.Options options = new PoolExecutor.Options(1, false, Integer.MAX_VALUE, Long.MAX_VALUE, 1);
        return new PoolExecutor(workload, options, launcher);
    }
}
