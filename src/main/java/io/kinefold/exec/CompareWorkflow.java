package io.kinefold.exec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A comparison from start to end, for the command line and the workbench alike: the reference of
 * N plain CPU-bound processes, the spec in a single process, then in the pool, optionally at every
 * worker count between for the scaling curve, and the {@link ComparisonResult} stored. Each phase
 * starts only when the one before succeeded and no cancel came.
 *
 * <pre>{@code
 * CompareWorkflow.Outcome o = new CompareWorkflow(new RunService(store), ExecutorFactory.LOCAL, new RunCancel())
 *         .run(prepared, WorkerChoice.parse("auto"), CompareWorkflow.Options.DEFAULT, listener);
 * }</pre>
 */
public final class CompareWorkflow {
    /** The runs of a comparison, in the order they start. */
    public enum Phase {
        SINGLE,
        POOL,
        /** One of the runs between 2 and N-1 workers, for the scaling curve. */
        SCALING
    }

    /**
     * @param reference whether to measure what N plain CPU-bound processes get here (only when N > 1)
     * @param scaling whether to run at every worker count between 1 and N too
     */
    public record Options(boolean reference, boolean scaling) {
        public static final Options DEFAULT = new Options(true, false);
    }

    /**
     * How a comparison ended.
     *
     * @param single the single-process run; null when the comparison stopped before it
     * @param pool the pool run; null when the comparison stopped before it
     * @param result the comparison; null unless both runs succeeded
     */
    public record Outcome(Comparer.ModeRun single, Comparer.ModeRun pool, ComparisonResult result) {
        /** Both runs succeeded and were compared. */
        public boolean compared() {
            return result != null;
        }

        /** The last run's outcome: the pool's once it ran; null when no run started. */
        public RunOutcome last() {
            return pool != null ? pool.outcome() : single != null ? single.outcome() : null;
        }
    }

    private final RunService service;
    private final ExecutorFactory executors;
    private final RunCancel cancel;
    private final Supplier<MachineState> machine;

    public CompareWorkflow(RunService service, ExecutorFactory executors, RunCancel cancel) {
        this(service, executors, cancel, MachineState::now);
    }

    /** With the machine's state before the work from {@code machine}: tests simulate a busy one. */
    public CompareWorkflow(RunService service, ExecutorFactory executors, RunCancel cancel, Supplier<MachineState> machine) {
        this.service = service;
        this.executors = executors;
        this.cancel = cancel;
        this.machine = machine;
    }

    /** Runs the comparison of the prepared spec, the pool with the worker choice; returns when it ended. */
    public Outcome run(RunService.Prepared prepared, WorkerChoice choice, Options options, CompareListener listener) {
        int n = choice.workers();
        // before anything of ours runs, so that the load is other processes'
        if (!choice.cluster()) {
            RunWarnings.before(n, true, machine.get(), WorkerCount.INITIAL_FOOTPRINT).forEach(listener::warning);
        }
        CpuReference reference = null;
        if (options.reference() && n > 1 && !cancel.requested()) {
            listener.referenceStarted(n);
            try {
                reference = CpuReference.measure(n, CpuReference.DEFAULT_UNITS, cancel);
                listener.referenceMeasured(reference);
                String low = RunWarnings.ofReference(reference);
                if (low != null) {
                    listener.warning(low);
                }
            } catch (IOException e) {
                listener.referenceFailed(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.cancel();
            }
        }
        if (cancel.requested()) {
            return new Outcome(null, null, null);
        }
        Comparer comparer = new Comparer(service, prepared);
        listener.phaseStarted(Phase.SINGLE, 1, null);
        Comparer.ModeRun single = comparer.run(Comparer.SINGLE_MODE, 1,
                cancel.watching(executors.of(RunMode.SINGLE, WorkerChoice.single().withTrialTimeout(choice.trialTimeoutSeconds()))), listener);
        if (!single.succeeded() || cancel.requested()) {
            return new Outcome(single, null, null);
        }
        listener.phaseStarted(Phase.POOL, n, single);
        // On a cluster the multi-process side runs on its nodes' slots; the single process stays here.
        Comparer.ModeRun pool = choice.cluster()
                ? comparer.run(Comparer.CLUSTER_MODE, n, cancel.watching(executors.of(RunMode.CLUSTER, choice)), listener)
                : comparer.run(Comparer.POOL_MODE, n, cancel.watching(executors.of(RunMode.POOL, choice)), listener);
        if (!pool.succeeded()) {
            return new Outcome(single, pool, null);
        }
        List<ComparisonResult.ScalingPoint> curve = new ArrayList<>();
        if (options.scaling()) {
            // On a cluster every point runs there, from one worker (one node's slot) up: its speedup
            // over one node is the last point's over the first. Every point is timed against the
            // single process here, as the comparison's speedup is.
            double singleWall = single.outcome().wallSeconds();
            if (!choice.cluster()) {
                curve.add(ComparisonResult.ScalingPoint.of(1, singleWall, singleWall));
            }
            for (int k = choice.cluster() ? 1 : 2; k < n && !cancel.requested(); k++) {
                listener.phaseStarted(Phase.SCALING, k, single);
                java.util.function.Function<io.kinefold.experiment.Workload, TrialExecutor> fewer = choice.cluster()
                        ? executors.of(RunMode.CLUSTER, choice.onCluster(new WorkerCount(k, k + " of the cluster's " + n
                                + " workers, for the scaling curve")))
                        : executors.of(RunMode.POOL, WorkerChoice.fixed(k).withTrialTimeout(choice.trialTimeoutSeconds()));
                Comparer.ModeRun m = comparer.run((choice.cluster() ? "scaling-cluster-" : "scaling-") + k, k, cancel.watching(fewer),
                        listener);
                if (!m.succeeded()) {
                    break;
                }
                curve.add(ComparisonResult.ScalingPoint.of(k, m.outcome().wallSeconds(), singleWall));
            }
            curve.add(ComparisonResult.ScalingPoint.of(n, pool.outcome().wallSeconds(), singleWall));
        }
        ComparisonResult result = comparer.record(single, pool, reference, curve);
        String unreliable = RunWarnings.ofComparison(result);
        if (unreliable != null) {
            listener.warning(unreliable);
        }
        return new Outcome(single, pool, result);
    }
}
