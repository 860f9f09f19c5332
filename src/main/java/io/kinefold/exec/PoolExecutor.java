package io.kinefold.exec;

import io.kinefold.data.DatasetSnapshot;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.experiment.Workload;
import io.kinefold.monitor.MachineInfo;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs trials in a pool of long-lived worker JVMs, one trial per worker at a time, longest
 * expected first. A worker that dies has its trial run again on a fresh worker (up to a limit);
 * a worker is recycled after a number of trials or above an RSS limit; cancel ends every worker
 * at once. All pool state is touched only by the thread in {@link #execute}; the workers'
 * reader threads ({@link PoolWorker}) talk to it through one event queue.
 */
public final class PoolExecutor implements TrialExecutor {
    /**
     * @param workers workers at once (the most, when {@code auto})
     * @param auto whether to lower the count once a worker's footprint has been measured
     * @param maxTrialsPerWorker trials before a worker is replaced by a fresh one
     * @param rssLimitBytes resident memory above which a worker is replaced after its trial
     * @param maxAttempts times a trial is tried before it is marked failed
     */
    public record Options(int workers, boolean auto, int maxTrialsPerWorker, long rssLimitBytes, int maxAttempts) {
        public Options {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, was " + workers);
            }
        }

        public static Options of(int workers, boolean auto) {
            return new Options(workers, auto, 1000, 768L << 20, 3);
        }
    }

    private final Workload workload;
    private final Options options;
    private final WorkerLauncher launcher;
    private final BlockingQueue<PoolWorker.Event> events = new LinkedBlockingQueue<>();
    private final List<PoolWorker> alive = new CopyOnWriteArrayList<>();
    private final AtomicInteger names = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile int target;
    private volatile String countReason;
    private long footprint;
    private int deathsBeforeReady;
    private static final Map<Workload, PoolWorker.InitPayload> INIT_PAYLOADS = new java.util.WeakHashMap<>();
    private boolean growing;
    private boolean everyWorkerAtOnce;
    private double trialSeconds;
    private int trialsFinished;

    /** Trials per worker from which every worker starts at once. */
    static final int EAGER_TRIALS_PER_WORKER = 16;

    public PoolExecutor(Workload workload, Options options) {
        this(workload, options, new WorkerLauncher());
    }

    PoolExecutor(Workload workload, Options options, WorkerLauncher launcher) {
        this.workload = workload;
        this.options = options;
        this.launcher = launcher;
        this.target = options.workers();
        this.countReason = WorkerCount.fixed(options.workers()).reason();
    }

    /** Starts every worker at once however few the trials: for tests of several workers on small trials. */
    PoolExecutor startingEveryWorkerAtOnce() {
        this.everyWorkerAtOnce = true;
        return this;
    }

    /** Sets the words shown for the worker count (the reason {@code auto} gave). */
    public PoolExecutor withReason(String reason) {
        this.countReason = reason;
        return this;
    }

    public String countReason() {
        return countReason;
    }

    @Override
    public int workers() {
        return target;
    }

    /** Name to PID of every live worker, for the resource monitor. */
    public Map<String, Long> workerPids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (PoolWorker w : alive) {
            pids.put(w.name, w.process.pid());
        }
        return pids;
    }

    public List<WorkerInfo> workerInfos() {
        return alive.stream().map(PoolWorker::info).toList();
    }

    @Override
    public void execute(List<Trial> trials, ExecutionListener listener) {
        if (cancelled) {
            return;
        }
        PoolListener pool = listener instanceof PoolListener p ? p : null;
        WorkerLauncher.Jit jit = launcher.prepareFor(trials.size(), target);
        if (jit == WorkerLauncher.Jit.QUICK) {
            listener.message("workers compile with C1 only: " + trials.size() + " trials are too few to pay for C2");
        }
        Deque<Trial> pending = new ArrayDeque<>(TrialCost.longestFirst(trials, t -> trainSamples(t)));
        Map<String, Integer> attempts = new HashMap<>();
        int inFlight = 0;
        try {
            // With many trials per worker every worker starts at once. With few, one starts, and the
            // others only once its first trials show there is work enough to pay for starting them:
            // a worker costs about half a second of a core before it runs anything.
            growing = !everyWorkerAtOnce && pending.size() < (long) EAGER_TRIALS_PER_WORKER * target;
            for (int i = 0; i < (growing ? 1 : Math.min(target, pending.size())); i++) {
                startWorker(pool);
            }
            while ((!pending.isEmpty() || inFlight > 0) && !cancelled) {
                PoolWorker.Event event = events.poll(1, TimeUnit.SECONDS);
                if (event == null || event instanceof PoolWorker.Wake) {
                    continue;
                }
                if (event instanceof PoolWorker.Garbage g) {
                    listener.message(g.worker().name + " wrote something that is not a message, ignored: "
                            + WorkerMain.abbreviate(g.line()));
                } else if (event instanceof PoolWorker.Died d) {
                    PoolWorker w = d.worker();
                    alive.remove(w);
                    boolean wasReady = w.ready;
                    w.status = w.retiring ? Status.SUCCEEDED : Status.FAILED;
                    notify(pool, w);
                    if (w.retiring || cancelled) {
                        continue;
                    }
                    if (!wasReady && ++deathsBeforeReady >= options.maxAttempts()) {
                        throw new PoolFailure("workers die before they are ready (" + deathsBeforeReady + " in a row), last exit code "
                                + d.exitCode() + (w.lastError() == null ? "" : ": " + w.lastError()));
                    }
                    String why = "worker " + w.name + " (pid " + w.process.pid() + ") died, exit code " + d.exitCode()
                            + (w.lastError() == null ? "" : ": " + w.lastError());
                    listener.message(why);
                    if (w.current != null) {
                        Trial t = w.current;
                        inFlight--;
                        int n = attempts.merge(t.key(), 1, Integer::sum);
                        if (n < options.maxAttempts()) {
                            listener.message(t.key() + " goes to a fresh worker (attempt " + (n + 1) + " of " + options.maxAttempts() + ")");
                            pending.addFirst(t);
                        } else {
                            listener.trialFinished(TrialResult.failed(t, "its worker died " + n + " times; last: " + why, w.name, 0));
                        }
                    }
                    if (!pending.isEmpty() && active() < target) {
                        startWorker(pool);
                    }
                } else if (event instanceof PoolWorker.Message m) {
                    PoolWorker w = m.worker();
                    WorkerMessage message = m.message();
                    if (message instanceof WorkerMessage.Ready ready) {
                        w.status = Status.RUNNING;
                        w.ready = true;
                        w.startSeconds = (System.nanoTime() - w.launched) / 1e9;
                        w.rss = ready.rssBytes();
                        deathsBeforeReady = 0;
                        inFlight += dispatch(w, pending, pool);
                    } else if (message instanceof WorkerMessage.Started started) {
                        if (w.current != null && w.current.key().equals(started.key())) {
                            listener.trialStarted(w.current, w.name);
                        }
                    } else if (message instanceof WorkerMessage.Finished finished) {
                        if (w.current == null || !w.current.key().equals(finished.result().trial().key())) {
                            listener.message(w.name + " reported a trial it was not given, ignored: " + finished.result().trial().key());
                            continue;
                        }
                        inFlight--;
                        w.current = null;
                        w.trialsDone++;
                        w.rss = finished.rssBytes();
                        w.nativeBytes = finished.nativeBytes();
                        adjustTarget(listener);
                        // The worker gets its next trial before the result is handed on: storing
                        // it (a synchronous commit) is then off the worker's path.
                        boolean recycle = w.trialsDone >= options.maxTrialsPerWorker() || w.rss > options.rssLimitBytes()
                                || active() > target;
                        if (recycle) {
                            retire(w, pool);
                        } else {
                            inFlight += dispatch(w, pending, pool);
                        }
                        TrialResult r = finished.result();
                        trialSeconds += r.wallSeconds();
                        trialsFinished++;
                        if (growing) {
                            grow(w, pending.size(), listener, pool);
                        }
                        listener.trialFinished(new TrialResult(r.trial(), r.status(), r.metrics(), r.error(), w.name, r.wallSeconds()));
                        if (recycle && !pending.isEmpty() && active() < target) {
                            listener.message("recycled " + w.name + " after " + w.trialsDone + " trials at " + (w.rss >> 20) + " MB");
                            startWorker(pool);
                        }
                    } else if (message instanceof WorkerMessage.Fatal fatal) {
                        throw new PoolFailure(w.name + ": " + fatal.message());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
        } catch (IOException e) {
            throw new PoolFailure("cannot start a worker: " + e.getMessage());
        } finally {
            shutdownAll(pool);
        }
    }

    /**
     * Starts the rest of the workers if the trials still queued, at the mean time of those
     * finished so far, are more than twice what starting a worker took: then sharing them pays.
     */
    private void grow(PoolWorker measured, int queued, ExecutionListener listener, PoolListener pool) throws IOException {
        double remaining = queued * trialSeconds / trialsFinished;
        double start = Double.isNaN(measured.startSeconds) ? 1.0 : measured.startSeconds;
        int more = Math.min(target - active(), queued);
        if (more <= 0 || remaining <= 2 * start) {
            return;
        }
        growing = false;
        listener.message(String.format(java.util.Locale.ROOT,
                "%d more worker%s: about %.1f s of trials left, a worker starts in %.1f s", more, more == 1 ? "" : "s",
                remaining, start));
        for (int i = 0; i < more; i++) {
            startWorker(pool);
        }
    }

    /** Live workers that are not on their way out. */
    private int active() {
        return (int) alive.stream().filter(w -> !w.retiring).count();
    }

    private int trainSamples(Trial t) {
        try {
            return workload.samples(t.model()) * (workload.spec().folds() - 1) / workload.spec().folds();
        } catch (RuntimeException e) {
            return 1;
        }
    }

    /** Lowers the worker count in auto mode once workers have been measured. */
    private void adjustTarget(ExecutionListener listener) {
        long peak = alive.stream().mapToLong(w -> w.rss).max().orElse(0);
        if (peak <= 0) {
            return; // the OS does not tell resident memory: keep the count
        }
        if (!options.auto() || peak <= footprint) {
            return;
        }
        footprint = peak;
        long inUse = alive.stream().mapToLong(w -> Math.max(0, w.rss)).sum();
        WorkerCount count = WorkerCount.auto(MachineInfo.logicalCores(), MachineInfo.availableMemoryBytes() + inUse, footprint, true);
        int next = Math.min(options.workers(), count.workers());
        countReason = next + " worker" + (next == 1 ? "" : "s") + count.reason().substring(count.reason().indexOf(':'));
        if (next < target) {
            listener.message("fewer workers: " + countReason);
            target = next;
        }
    }

    private int dispatch(PoolWorker w, Deque<Trial> pending, PoolListener pool) {
        Trial next = pending.poll();
        if (next == null) {
            retire(w, pool);
            return 0;
        }
        w.current = next;
        w.send(new WorkerMessage.RunTrial(next));
        notify(pool, w);
        return 1;
    }

    private void retire(PoolWorker w, PoolListener pool) {
        w.retiring = true;
        w.send(new WorkerMessage.Shutdown());
        notify(pool, w);
    }

    private void startWorker(PoolListener pool) throws IOException {
        PoolWorker w = PoolWorker.start(launcher, "w" + names.incrementAndGet(), initPayload(), events::add);
        alive.add(w);
        notify(pool, w);
    }

    /**
     * Encoded once per workload: the same dataset goes to every worker, replacements included,
     * and to the pool of a comparison after its single-process run.
     */
    private PoolWorker.InitPayload initPayload() {
        synchronized (INIT_PAYLOADS) {
            return INIT_PAYLOADS.computeIfAbsent(workload, w -> {
                byte[] dataset = DatasetSnapshot.of(w.dataset()).toBytes();
                String spec = SpecIo.toJson(w.spec()).replace('\n', ' ');
                return new PoolWorker.InitPayload(Protocol.encode(new WorkerMessage.Init(spec, dataset.length)), dataset);
            });
        }
    }

    private void notify(PoolListener pool, PoolWorker w) {
        if (pool != null) {
            pool.workerChanged(w.info());
        }
    }

    /** Ends every worker: politely where there is time, forcibly after two seconds at most. */
    private void shutdownAll(PoolListener pool) {
        List<PoolWorker> workers = new ArrayList<>(alive);
        for (PoolWorker w : workers) {
            if (!cancelled) {
                w.send(new WorkerMessage.Shutdown());
            }
            w.closeInput();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(cancelled ? 200 : launcher.exitGraceMillis());
        for (PoolWorker w : workers) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !w.process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    w.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                w.process.destroyForcibly();
            }
        }
        for (PoolWorker w : workers) {
            try {
                w.process.waitFor(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (PoolWorker w : workers) {
            w.status = cancelled ? Status.CANCELLED : (w.retiring || w.current == null ? Status.SUCCEEDED : Status.FAILED);
            w.current = null;
            notify(pool, w);
        }
        alive.removeAll(workers);
    }

    @Override
    public void cancel() {
        cancelled = true;
        for (PoolWorker w : alive) {
            w.process.destroyForcibly();
        }
        events.add(new PoolWorker.Wake());
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public void close() {
        if (!alive.isEmpty()) {
            cancel();
            shutdownAll(null);
        }
    }

    /** The pool cannot go on: a worker could not load the dataset, say. */
    public static final class PoolFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PoolFailure(String message) {
            super(message);
        }
    }
}
