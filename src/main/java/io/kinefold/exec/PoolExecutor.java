package io.kinefold.exec;

import io.kinefold.experiment.Trial;
import io.kinefold.experiment.Workload;
import java.util.List;
import java.util.Map;

/**
 * Runs trials in a pool of long-lived worker JVMs on this machine, one trial per worker at a
 * time, longest expected first. A worker that dies has its trial run again on a fresh worker (up
 * to a limit); a worker is recycled after a number of trials or above an RSS limit; cancel ends
 * every worker at once. The deciding is a {@link TrialScheduler}'s, the processes are a
 * {@link LocalWorkerPool}'s; this class puts the two together behind {@link TrialExecutor}.
 */
public final class PoolExecutor implements TrialExecutor {
    /**
     * @param workers workers at once (the most, when {@code auto})
     * @param auto whether to lower the count once a worker's footprint has been measured
     * @param maxTrialsPerWorker trials before a worker is replaced by a fresh one
     * @param rssLimitBytes resident memory above which a worker is replaced after its trial
     * @param maxAttempts times a trial is tried before it is marked failed
     * @param trialTimeoutSeconds seconds a trial may run before its worker is killed; 0 derives it
     *     from the trial's expected time ({@link TrialTimeout})
     * @param silenceSeconds seconds a worker may go without a word before it is killed
     */
    public record Options(int workers, boolean auto, int maxTrialsPerWorker, long rssLimitBytes, int maxAttempts,
                          double trialTimeoutSeconds, double silenceSeconds) {
        public Options {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, was " + workers);
            }
            if (trialTimeoutSeconds != 0 && TrialTimeout.check(trialTimeoutSeconds) != null) {
                throw new IllegalArgumentException("trial timeout " + TrialTimeout.check(trialTimeoutSeconds));
            }
            if (TrialTimeout.check(silenceSeconds) != null) {
                throw new IllegalArgumentException("silence limit " + TrialTimeout.check(silenceSeconds));
            }
        }

        public Options(int workers, boolean auto, int maxTrialsPerWorker, long rssLimitBytes, int maxAttempts) {
            this(workers, auto, maxTrialsPerWorker, rssLimitBytes, maxAttempts, 0, TrialTimeout.SILENCE_SECONDS);
        }

        public static Options of(int workers, boolean auto) {
            return new Options(workers, auto, 1000, 768L << 20, 3);
        }

        /** These options with a trial limit the user gave ({@code seconds > 0}) or the derived one (0). */
        public Options withTrialTimeout(double seconds) {
            return new Options(workers, auto, maxTrialsPerWorker, rssLimitBytes, maxAttempts, seconds, TrialTimeout.silence(seconds));
        }

        /** These options with another silence limit (for tests, which cannot wait half a minute). */
        public Options withSilence(double seconds) {
            return new Options(workers, auto, maxTrialsPerWorker, rssLimitBytes, maxAttempts, trialTimeoutSeconds, seconds);
        }
    }

    /** Trials per worker from which every worker starts at once. */
    static final int EAGER_TRIALS_PER_WORKER = TrialScheduler.EAGER_TRIALS_PER_WORKER;

    private final WorkerPool pool;
    private final TrialScheduler scheduler;

    public PoolExecutor(Workload workload, Options options) {
        this(workload, options, new WorkerLauncher());
    }

    PoolExecutor(Workload workload, Options options, WorkerLauncher launcher) {
        this.pool = new LocalWorkerPool(workload, launcher);
        this.scheduler = new TrialScheduler(pool, options, t -> trainSamples(workload, t));
    }

    /** Training samples of a trial, for its expected cost: the scheduler's longest-first order and trial timeouts. */
    public static int trainSamples(Workload workload, Trial t) {
        try {
            return workload.samples(t.model()) * (workload.spec().folds() - 1) / workload.spec().folds();
        } catch (RuntimeException e) {
            return 1;
        }
    }

    /** Starts every worker at once however few the trials: for tests of several workers on small trials. */
    PoolExecutor startingEveryWorkerAtOnce() {
        scheduler.startEveryWorkerAtOnce();
        return this;
    }

    /** Sets the words shown for the worker count (the reason {@code auto} gave). */
    public PoolExecutor withReason(String reason) {
        scheduler.setCountReason(reason);
        return this;
    }

    @Override
    public String countReason() {
        return scheduler.countReason();
    }

    @Override
    public int workers() {
        return scheduler.target();
    }

    /** Name to PID of every live worker, for the resource monitor. */
    @Override
    public Map<String, Long> workerPids() {
        return pool.pids();
    }

    public List<WorkerInfo> workerInfos() {
        return pool.workers();
    }

    @Override
    public void execute(List<Trial> trials, ExecutionListener listener) {
        scheduler.execute(trials, listener);
    }

    @Override
    public void cancel() {
        scheduler.cancel();
    }

    @Override
    public boolean cancelled() {
        return scheduler.cancelled();
    }

    @Override
    public void close() {
        scheduler.close();
    }

    /** The pool cannot go on: a worker could not load the dataset, say. */
    public static final class PoolFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PoolFailure(String message) {
            super(message);
        }
    }
}
