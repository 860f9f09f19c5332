package io.kinefold.exec;

import io.kinefold.experiment.Trial;
import io.kinefold.experiment.Workload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Worker JVMs on this machine, started by a {@link WorkerLauncher} with the app's own class path,
 * each sent the workload's spec and dataset once and then trials one at a time over its stdin
 * ({@link PoolWorker}).
 */
public final class LocalWorkerPool implements WorkerPool {
    private final WorkerInit init;
    private final WorkerLauncher launcher;
    /** In start order; workers leave by {@link #remove} and {@link #endAll} only. */
    private final Map<String, PoolWorker> workers = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicInteger names = new AtomicInteger();

    public LocalWorkerPool(Workload workload, WorkerLauncher launcher) {
        this(WorkerInit.of(workload), launcher);
    }

    /** A pool whose workers get this init: a cluster node's, which has no workload of its own. */
    public LocalWorkerPool(WorkerInit init, WorkerLauncher launcher) {
        this.init = init;
        this.launcher = launcher;
    }

    @Override
    public String prepare(int trials, int workerCount) {
        WorkerLauncher.Jit jit = launcher.prepareFor(trials, workerCount);
        return jit == WorkerLauncher.Jit.QUICK ? "workers compile with C1 only: " + trials + " trials are too few to pay for C2" : null;
    }

    @Override
    public String start(Consumer<Event> events) throws IOException {
        String name = "w" + names.incrementAndGet();
        workers.put(name, PoolWorker.start(launcher, name, init, events));
        return name;
    }

    private PoolWorker worker(String name) {
        PoolWorker w = workers.get(name);
        if (w == null) {
            throw new IllegalArgumentException("no worker " + name + " in the pool");
        }
        return w;
    }

    @Override
    public void run(String worker, Trial trial) {
        worker(worker).run(trial);
    }

    @Override
    public void kill(String worker) {
        worker(worker).process.destroyForcibly();
    }

    @Override
    public void retire(String worker) {
        worker(worker).retire();
    }

    @Override
    public WorkerInfo remove(String worker) {
        PoolWorker w = worker(worker);
        w.died();
        workers.remove(worker);
        return w.info();
    }

    @Override
    public WorkerInfo info(String worker) {
        return worker(worker).info();
    }

    @Override
    public List<WorkerInfo> workers() {
        return live().stream().map(PoolWorker::info).toList();
    }

    @Override
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (PoolWorker w : live()) {
            pids.put(w.name, w.process.pid());
        }
        return pids;
    }

    private List<PoolWorker> live() {
        synchronized (workers) {
            return new ArrayList<>(workers.values());
        }
    }

    @Override
    public void kill() {
        for (PoolWorker w : live()) {
            w.process.destroyForcibly();
        }
    }

    /** Politely where there is time, forcibly after two seconds at most (longer while workers write recordings). */
    @Override
    public List<WorkerInfo> endAll(boolean cancelled) {
        List<PoolWorker> ending = live();
        for (PoolWorker w : ending) {
            if (!cancelled) {
                w.send(new WorkerMessage.Shutdown());
            }
            w.closeInput();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(cancelled ? 200 : launcher.exitGraceMillis());
        for (PoolWorker w : ending) {
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
        for (PoolWorker w : ending) {
            try {
                w.process.waitFor(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<WorkerInfo> ended = new ArrayList<>();
        for (PoolWorker w : ending) {
            w.ended(cancelled);
            ended.add(w.info());
            workers.remove(w.name);
        }
        return ended;
    }
}
