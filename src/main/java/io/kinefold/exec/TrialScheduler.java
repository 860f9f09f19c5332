package io.kinefold.exec;

import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.monitor.MachineInfo;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * Decides which trial runs where on the slots of a {@link WorkerPool}: longest expected first, a
 * trial whose worker died again on a fresh worker (up to a limit), a worker replaced after a
 * number of trials or above an RSS limit, workers started only as the work pays for them, fewer
 * once their memory is measured ({@code auto}), a worker killed when it falls silent or its trial
 * runs past the trial timeout (its trial then counts as a retry), and cancel. It knows nothing of processes: all it
 * sees of a worker are the pool's events, taken from one queue by the thread in {@link #execute},
 * the only one that touches the state here.
 */
public final class TrialScheduler {
    /** Trials per worker from which every worker starts at once. */
    public static final int EAGER_TRIALS_PER_WORKER = 16;

    /** Wakes the thread in {@link #execute} (on cancel). */
    private record Wake() implements WorkerPool.Event {
        @Override
        public String worker() {
            return null;
        }
    }

    /** How long a killed worker's death may take to be reported before it is taken as dead all the same. */
    static final long KILL_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** How often silence and trial times are checked. */
    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** A worker as the scheduler sees it. */
    private static final class Slot {
        final long started = System.nanoTime();
        long lastHeard = started;
        long trialSince;
        double trialLimit;
        /** Why the scheduler killed it, once it did; its death then says this. */
        String killedFor;
        long killedAt;
        Trial current;
        int trialsDone;
        long rss;
        boolean ready;
        boolean retiring;
        double startSeconds = Double.NaN;
    }

    private final WorkerPool pool;
    private final PoolExecutor.Options options;
    private final ToIntFunction<Trial> trainSamples;
    private final BlockingQueue<WorkerPool.Event> events = new LinkedBlockingQueue<>();
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private volatile boolean cancelled;
    private volatile int target;
    private volatile String countReason;
    private long footprint;
    private int deathsBeforeReady;
    private boolean growing;
    private boolean everyWorkerAtOnce;
    private double trialSeconds;
    private int trialsFinished;
    private PoolListener poolListener;
    private final RunEstimate.Calibration calibration = RunEstimate.Calibration.defaults();
    private long lastCheck = System.nanoTime();
    /** Since when there were trials left, no worker and no room for one; 0 while there was. */
    private long noRoomSince;

    /**
     * @param trainSamples training samples of a trial, for its expected cost
     */
    public TrialScheduler(WorkerPool pool, PoolExecutor.Options options, ToIntFunction<Trial> trainSamples) {
        this.pool = pool;
        this.options = options;
        this.trainSamples = trainSamples;
        this.target = options.workers();
        this.countReason = WorkerCount.fixed(options.workers()).reason();
    }

    /** Starts every worker at once however few the trials: for tests of several workers on small trials. */
    public void startEveryWorkerAtOnce() {
        this.everyWorkerAtOnce = true;
    }

    public void setCountReason(String reason) {
        this.countReason = reason;
    }

    public String countReason() {
        return countReason;
    }

    /** Workers wanted at once: the option, or fewer once {@code auto} measured them. */
    public int target() {
        return target;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /**
     * Runs the trials and returns once every one was reported or on cancel.
     *
     * @throws PoolExecutor.PoolFailure when the pool cannot go on: workers die before they are
     *     ready, one reports a fatal error, or none can be started
     */
    public void execute(List<Trial> trials, ExecutionListener listener) {
        if (cancelled) {
            return;
        }
        poolListener = listener instanceof PoolListener p ? p : null;
        String note = pool.prepare(trials.size(), target);
        if (note != null) {
            listener.message(note);
        }
        Deque<Trial> pending = new ArrayDeque<>(TrialCost.longestFirst(trials, trainSamples));
        Map<String, Integer> attempts = new HashMap<>();
        int inFlight = 0;
        try {
            // With many trials per worker every worker starts at once. With few, one starts, and the
            // others only once its first trials show there is work enough to pay for starting them:
            // a worker costs about half a second of a core before it runs anything.
            growing = !everyWorkerAtOnce && pending.size() < (long) EAGER_TRIALS_PER_WORKER * target;
            for (int i = 0; i < (growing ? 1 : Math.min(target, pending.size())); i++) {
                startWorker();
            }
            while ((!pending.isEmpty() || inFlight > 0) && !cancelled) {
                WorkerPool.Event event = events.poll(CHECK_NANOS, TimeUnit.NANOSECONDS);
                inFlight -= checkLiveness(pending, attempts, listener);
                Slot w = event == null ? null : slots.get(event.worker());
                if (w == null) {
                    continue; // a wake-up, or news of a worker already gone
                }
                w.lastHeard = System.nanoTime();
                if (event instanceof WorkerPool.Alive) {
                    continue;
                } else if (event instanceof WorkerPool.Garbage g) {
                    listener.message(g.worker() + " wrote something that is not a message, ignored: "
                            + WorkerMain.abbreviate(g.line()));
                } else if (event instanceof WorkerPool.Died d) {
                    inFlight -= died(d, w, pending, attempts, listener);
                } else if (event instanceof WorkerPool.Ready ready) {
                    w.ready = true;
                    w.startSeconds = ready.startSeconds();
                    w.rss = ready.rssBytes();
                    deathsBeforeReady = 0;
                    inFlight += dispatch(ready.worker(), w, pending);
                } else if (event instanceof WorkerPool.Started started) {
                    if (w.current != null && w.current.key().equals(started.trialKey())) {
                        listener.trialStarted(w.current, started.worker());
                    }
                } else if (event instanceof WorkerPool.Finished finished) {
                    if (w.current == null || !w.current.key().equals(finished.result().trial().key())) {
                        listener.message(finished.worker() + " reported a trial it was not given, ignored: "
                                + finished.result().trial().key());
                        continue;
                    }
                    inFlight--;
                    inFlight += finished(finished, w, pending, listener);
                } else if (event instanceof WorkerPool.Fatal fatal) {
                    throw new PoolExecutor.PoolFailure(fatal.worker() + ": " + fatal.message());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
        } catch (IOException e) {
            throw new PoolExecutor.PoolFailure("cannot start a worker: " + e.getMessage());
        } finally {
            endAll();
        }
    }

    /**
     * Takes note of a worker's death and sends its trial, if any, to a fresh worker.
     *
     * @return trials no longer in flight: 1 if it had one, else 0
     */
    private int died(WorkerPool.Died d, Slot w, Deque<Trial> pending, Map<String, Integer> attempts, ExecutionListener listener)
            throws IOException {
        slots.remove(d.worker());
        WorkerInfo gone = pool.remove(d.worker());
        notify(gone);
        if (w.retiring || cancelled) {
            return 0;
        }
        String lastError = d.lastError() == null ? "" : ": " + d.lastError();
        if (w.killedFor != null) {
            lastError = ": killed, " + w.killedFor;
        } else if (d.lastError() != null && d.lastError().contains("OutOfMemoryError")) {
            lastError = ": ran out of memory (" + d.lastError().strip() + ")";
        }
        if (!w.ready && ++deathsBeforeReady >= options.maxAttempts()) {
            throw new PoolExecutor.PoolFailure("workers die before they are ready (" + deathsBeforeReady + " in a row), last exit code "
                    + d.exitCode() + lastError);
        }
        String why = w.killedFor != null ? w.killedFor + " (pid " + gone.pid() + "), killed"
                : "worker " + d.worker() + " (pid " + gone.pid() + ") died, exit code " + d.exitCode() + lastError;
        listener.message(why);
        int lost = 0;
        if (w.current != null) {
            Trial t = w.current;
            lost = 1;
            int n = attempts.merge(t.key(), 1, Integer::sum);
            if (n < options.maxAttempts()) {
                listener.message(t.key() + " goes to a fresh worker (attempt " + (n + 1) + " of " + options.maxAttempts() + ")");
                pending.addFirst(t);
            } else {
                listener.trialFinished(TrialResult.failed(t, "its worker died " + n + " times; last: " + why, d.worker(), 0));
            }
        }
        if (!pending.isEmpty() && active() < target) {
            startWorker();
        }
        return lost;
    }

    /**
     * Gives the worker of a finished trial its next trial, or replaces it, and hands the result on.
     *
     * @return trials newly in flight
     */
    private int finished(WorkerPool.Finished finished, Slot w, Deque<Trial> pending, ExecutionListener listener)
            throws IOException {
        String name = finished.worker();
        w.current = null;
        w.trialsDone++;
        w.rss = finished.rssBytes();
        adjustTarget(listener);
        // The worker gets its next trial before the result is handed on: storing it (a
        // synchronous commit) is then off the worker's path.
        boolean recycle = w.trialsDone >= options.maxTrialsPerWorker() || w.rss > options.rssLimitBytes() || active() > target;
        int sent = 0;
        if (recycle) {
            retire(name, w);
        } else {
            sent = dispatch(name, w, pending);
        }
        TrialResult r = finished.result();
        trialSeconds += r.wallSeconds();
        trialsFinished++;
        if (growing) {
            grow(w, pending.size(), listener);
        }
        listener.trialFinished(new TrialResult(r.trial(), r.status(), r.metrics(), r.error(), name, r.wallSeconds()));
        if (recycle && !pending.isEmpty() && active() < target) {
            listener.message("recycled " + name + " after " + w.trialsDone + " trials at " + (w.rss >> 20) + " MB");
            startWorker();
        }
        return sent;
    }

    /**
     * Starts the rest of the workers if the trials still queued, at the mean time of those
     * finished so far, are more than twice what starting a worker took: then sharing them pays.
     */
    private void grow(Slot measured, int queued, ExecutionListener listener) throws IOException {
        double remaining = queued * trialSeconds / trialsFinished;
        double start = Double.isNaN(measured.startSeconds) ? 1.0 : measured.startSeconds;
        int more = Math.min(target - active(), queued);
        if (more <= 0 || remaining <= 2 * start) {
            return;
        }
        growing = false;
        listener.message(String.format(Locale.ROOT, "%d more worker%s: about %.1f s of trials left, a worker starts in %.1f s",
                more, more == 1 ? "" : "s", remaining, start));
        for (int i = 0; i < more; i++) {
            startWorker();
        }
    }

    /**
     * Kills every worker silent for longer than the options allow, or whose trial has run past its
     * limit; takes a killed worker whose death was not reported within {@link #KILL_GRACE_NANOS}
     * for dead all the same, so that no wait here is unbounded.
     *
     * @return trials no longer in flight
     */
    private int checkLiveness(Deque<Trial> pending, Map<String, Integer> attempts, ExecutionListener listener)
            throws IOException {
        long now = System.nanoTime();
        if (now - lastCheck < CHECK_NANOS) {
            return 0;
        }
        lastCheck = now;
        int lost = 0;
        for (Map.Entry<String, Slot> e : List.copyOf(slots.entrySet())) {
            String name = e.getKey();
            Slot w = e.getValue();
            if (w.killedFor != null) {
                if (now - w.killedAt > KILL_GRACE_NANOS && slots.get(name) == w) {
                    lost += died(new WorkerPool.Died(name, -1, null), w, pending, attempts, listener);
                }
            } else if (seconds(now - w.lastHeard) > options.silenceSeconds()) {
                kill(name, w, name + " silent for " + TrialTimeout.seconds(options.silenceSeconds()), listener);
            } else if (w.current != null && seconds(now - w.trialSince) > w.trialLimit) {
                double quiet = seconds(now - w.lastHeard);
                kill(name, w, name + " exceeded the trial timeout of " + TrialTimeout.seconds(w.trialLimit)
                        + (quiet >= 2 ? ", silent for " + TrialTimeout.seconds(Math.floor(quiet)) : ""), listener);
            }
        }
        topUp(pending, listener);
        return lost;
    }

    /**
     * Starts workers for queued trials where the pool has room again (a cluster node joined, or one
     * left and its workers' trials wait for a slot); fails the run when trials wait with no worker
     * and no room for twice the silence limit, rather than wait for ever.
     */
    private void topUp(Deque<Trial> pending, ExecutionListener listener) throws IOException {
        if (pending.isEmpty() || growing) {
            noRoomSince = 0;
            return;
        }
        long starting = slots.values().stream().filter(w -> !w.ready && !w.retiring && w.killedFor == null).count();
        long more = Math.min(Math.min(target - active(), (long) pool.capacity() - slots.size()), pending.size() - starting);
        for (long i = 0; i < more; i++) {
            startWorker();
        }
        if (!slots.isEmpty()) {
            noRoomSince = 0;
        } else if (noRoomSince == 0) {
            noRoomSince = System.nanoTime();
            listener.message("no room for a worker: " + pending.size() + " trials wait for one");
        } else if (seconds(System.nanoTime() - noRoomSince) > 2 * options.silenceSeconds()) {
            throw new PoolExecutor.PoolFailure("no room for a worker for " + TrialTimeout.seconds(2 * options.silenceSeconds())
                    + " with " + pending.size() + " trials left (every node of the cluster gone?)");
        }
    }

    private void kill(String name, Slot w, String why, ExecutionListener listener) {
        w.killedFor = why;
        w.killedAt = System.nanoTime();
        listener.message(why + (w.current == null ? "" : " on " + w.current.key()) + ": killing it");
        pool.kill(name);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Live workers that are not on their way out. */
    private int active() {
        return (int) slots.values().stream().filter(w -> !w.retiring).count();
    }

    /** Lowers the worker count in auto mode once workers have been measured. */
    private void adjustTarget(ExecutionListener listener) {
        long peak = slots.values().stream().mapToLong(w -> w.rss).max().orElse(0);
        if (peak <= 0) {
            return; // the OS does not tell resident memory: keep the count
        }
        if (!options.auto() || peak <= footprint) {
            return;
        }
        footprint = peak;
        long inUse = slots.values().stream().mapToLong(w -> Math.max(0, w.rss)).sum();
        WorkerCount count = WorkerCount.auto(MachineInfo.logicalCores(), MachineInfo.availableMemoryBytes() + inUse, footprint, true);
        int next = Math.min(options.workers(), count.workers());
        countReason = next + " worker" + (next == 1 ? "" : "s") + count.reason().substring(count.reason().indexOf(':'));
        if (next < target) {
            listener.message("fewer workers: " + countReason);
            target = next;
        }
    }

    /** @return 1 if the worker was given a trial, 0 if there was none left and it retires */
    private int dispatch(String name, Slot w, Deque<Trial> pending) {
        Trial next = pending.poll();
        if (next == null) {
            retire(name, w);
            return 0;
        }
        w.current = next;
        w.trialSince = System.nanoTime();
        w.trialLimit = TrialTimeout.forTrial(options.trialTimeoutSeconds(), calibration.seconds(next, trainSamples.applyAsInt(next)));
        pool.run(name, next);
        notify(pool.info(name));
        return 1;
    }

    private void retire(String name, Slot w) {
        w.retiring = true;
        pool.retire(name);
        notify(pool.info(name));
    }

    /** Starts a worker if the pool has room for one. */
    private void startWorker() throws IOException {
        if (slots.size() >= pool.capacity()) {
            return;
        }
        String name = pool.start(events::add);
        slots.put(name, new Slot());
        notify(pool.info(name));
    }

    private void notify(WorkerInfo worker) {
        if (poolListener != null) {
            poolListener.workerChanged(worker);
        }
    }

    private void endAll() {
        pool.endAll(cancelled).forEach(this::notify);
        slots.clear();
    }

    /** Stops as soon as possible: every worker ends at once. Safe from any thread. */
    public void cancel() {
        cancelled = true;
        pool.kill();
        events.add(new Wake());
    }

    /** Ends whatever workers are left, without a word to anyone. */
    public void close() {
        if (!pool.workers().isEmpty()) {
            cancel();
            poolListener = null;
            pool.endAll(true);
            slots.clear();
        }
    }
}
