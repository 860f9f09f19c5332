package io.kinefold.exec;

import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Worker slots that each run one trial at a time: local JVM processes ({@link LocalWorkerPool})
 * or, later, the slots of cluster nodes. The pool does what it is told and reports what its
 * workers say; which trial goes where, retries and how many workers to keep are the
 * {@link TrialScheduler}'s. Every method but {@link #kill} is called from the scheduler's one
 * thread; events come from the pool's threads.
 */
public interface WorkerPool {
    /** What a worker reported, or what became of it. */
    interface Event {
        /** The worker's name, as {@link #start} returned it. */
        String worker();
    }

    /** Initialised and waiting for trials, {@code startSeconds} after it was started. */
    record Ready(String worker, long rssBytes, double startSeconds) implements Event {}

    /** Began the trial it was given. */
    record Started(String worker, String trialKey) implements Event {}

    /** Ended a trial, with its resident memory after it. */
    record Finished(String worker, TrialResult result, long rssBytes) implements Event {}

    /** Gone, expectedly (after {@link #retire}) or not; {@code lastError} is its last word on stderr, or null. */
    record Died(String worker, int exitCode, String lastError) implements Event {}

    /** Said it is alive (a heartbeat): nothing else to report. */
    record Alive(String worker) implements Event {}

    /** Wrote something that is not a message. */
    record Garbage(String worker, String line) implements Event {}

    /** Cannot go on (its dataset failed to load, say): no worker of this pool will do better. */
    record Fatal(String worker, String message) implements Event {}

    /**
     * Fixes how the workers of a run of this many trials on this many workers are started.
     *
     * @return a line for the log about it, or null
     */
    default String prepare(int trials, int workers) {
        return null;
    }

    /**
     * Workers this pool can hold at once now, started or starting; the scheduler starts no more.
     * Unbounded on this machine (the scheduler's target bounds it); a cluster's is the free slots
     * of its nodes, and shrinks when a node leaves.
     */
    default int capacity() {
        return Integer.MAX_VALUE;
    }

    /**
     * Starts a fresh worker under a name not used before in this pool. Everything it reports,
     * its death included, goes to {@code events}, from the pool's threads.
     */
    String start(Consumer<Event> events) throws IOException;

    /** Gives a ready, idle worker a trial. */
    void run(String worker, Trial trial);

    /** Ends one worker at once, whatever it is doing (it fell silent, say); its {@link Died} follows. Safe from any thread. */
    void kill(String worker);

    /** Tells a worker to finish; its {@link Died} follows. */
    void retire(String worker);

    /** Takes a worker whose {@link Died} arrived out of the pool; returns what it last was, in a terminal status. */
    WorkerInfo remove(String worker);

    WorkerInfo info(String worker);

    /** Every worker in the pool, for tables. */
    List<WorkerInfo> workers();

    /** Name to process id of every worker in the pool, for the resource monitor. */
    Map<String, Long> pids();

    /** Ends every worker at once, trials and all. Safe from any thread. */
    void kill();

    /**
     * Ends every worker and empties the pool: politely where there is time (not after {@link #kill}),
     * forcibly after a grace period.
     *
     * @return what each worker ended as, in a terminal status
     */
    List<WorkerInfo> endAll(boolean cancelled);
}
