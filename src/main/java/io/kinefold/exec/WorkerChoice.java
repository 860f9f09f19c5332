package io.kinefold.exec;

/**
 * How many workers a run asks for, and why: typed by the user ({@code --workers}, the workers
 * field) or chosen by the machine with {@code auto}, in which case the pool may lower the count
 * once it has measured a worker.
 *
 * @param count the count and its reason in words
 * @param auto whether the machine chose it
 * @param trialTimeoutSeconds seconds a trial may run before its worker is killed and the trial
 *     rerun; 0 derives the limit from each trial's expected time ({@link TrialTimeout})
 * @param cluster whether the workers are the slots of cluster nodes
 */
public record WorkerChoice(WorkerCount count, boolean auto, double trialTimeoutSeconds, boolean cluster) {
    public WorkerChoice {
        if (trialTimeoutSeconds != 0 && TrialTimeout.check(trialTimeoutSeconds) != null) {
            throw new IllegalArgumentException("trial timeout " + TrialTimeout.check(trialTimeoutSeconds));
        }
    }

    public WorkerChoice(WorkerCount count, boolean auto, double trialTimeoutSeconds) {
        this(count, auto, trialTimeoutSeconds, false);
    }

    public WorkerChoice(WorkerCount count, boolean auto) {
        this(count, auto, 0);
    }

    /** This choice with a trial timeout in seconds; 0 for the one derived from each trial's expected time. */
    public WorkerChoice withTrialTimeout(double seconds) {
        return new WorkerChoice(count, auto, seconds, cluster);
    }

    /** The slots of cluster nodes, counted and worded by the cluster, with this choice's trial timeout. */
    public WorkerChoice onCluster(WorkerCount slots) {
        return new WorkerChoice(slots, false, trialTimeoutSeconds, true);
    }

    /** The reason a single-process run gives when nothing else was asked. */
    public static final String SINGLE_REASON = "1 worker: single-process run";

    /**
     * The count as a user typed it, a number or {@code auto}.
     *
     * @throws IllegalArgumentException with the reason, as {@link WorkerCount#parse} gives it
     */
    public static WorkerChoice parse(String text) {
        return new WorkerChoice(WorkerCount.parse(text), WorkerCount.isAuto(text));
    }

    public static WorkerChoice fixed(int workers) {
        return new WorkerChoice(WorkerCount.fixed(workers), false);
    }

    /** One worker, for a single-process run. */
    public static WorkerChoice single() {
        return new WorkerChoice(new WorkerCount(1, SINGLE_REASON), false);
    }

    public int workers() {
        return count.workers();
    }

    public String reason() {
        return count.reason();
    }

    /** {@link RunMode#CLUSTER} on a cluster, else {@link RunMode#SINGLE} for one worker, {@link RunMode#POOL} for more. */
    public RunMode mode() {
        if (cluster) {
            return RunMode.CLUSTER;
        }
        return count.workers() == 1 ? RunMode.SINGLE : RunMode.POOL;
    }
}
