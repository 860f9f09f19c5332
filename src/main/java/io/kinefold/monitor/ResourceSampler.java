package io.kinefold.monitor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Samples the machine (CPU total and per core, memory, swap) and each worker process (CPU, resident
 * memory) with OSHI at a fixed interval, on its own daemon thread.
 *
 * <pre>{@code
 * try (ResourceSampler sampler = new ResourceSampler(Duration.ofSeconds(1), pool::workerPids,
 *         s -> store.recordSamples(runId, s.toRows(runId)))) {
 *     sampler.start();
 *     ... run the trials ...
 * }
 * }</pre>
 *
 * <p>The first sample comes one interval after {@link #start()}: a load is the difference of two
 * readings of the tick counters. The sink is called on the sampler thread; whatever it or OSHI
 * throws is logged and sampling goes on. A worker whose process has exited is left out of the
 * sample.
 */
public final class ResourceSampler implements AutoCloseable {
    /** How many samples are kept: a day at one a second. Older ones are dropped, not summarised away. */
    static final int MAX_KEPT = 24 * 60 * 60;

    private static final Logger LOG = LoggerFactory.getLogger(ResourceSampler.class);
    private static final String THREAD_NAME = "kinefold-monitor";

    private final Duration interval;
    private final Supplier<Map<String, Long>> workers;
    private final Consumer<ResourceSample> sink;
    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final OperatingSystem os;
    private final int logicalCores;
    private final CountDownLatch stop = new CountDownLatch(1);

    private final Object lock = new Object();
    private final ArrayDeque<ResourceSample> kept = new ArrayDeque<>(); // guarded by lock
    private final ResourceSummary.Accumulator totals = new ResourceSummary.Accumulator(); // guarded by lock
    private long sampleNanos; // guarded by lock
    private int timedSamples; // guarded by lock
    private Thread thread; // guarded by lock

    // Touched only while holding samplingLock: the previous readings the next loads are measured against.
    private final Object samplingLock = new Object();
    private long[] previousTicks;
    private long[][] previousCoreTicks;
    private Map<Long, OSProcess> previousProcesses = new HashMap<>();
    private boolean failing;
    private boolean workersFailing;
    private boolean sinkFailing; // sampler thread only

    /**
     * @param interval time between samples, at least a millisecond
     * @param workers asked at every sample for the current worker name to PID map; it may change
     *     from one sample to the next as workers are recycled
     * @param sink receives every sample, on the sampler thread
     */
    public ResourceSampler(Duration interval, Supplier<Map<String, Long>> workers, Consumer<ResourceSample> sink) {
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("interval must be at least 1 ms, was " + interval);
        }
        this.workers = Objects.requireNonNull(workers, "workers");
        this.sink = Objects.requireNonNull(sink, "sink");
        SystemInfo system = new SystemInfo();
        this.processor = system.getHardware().getProcessor();
        this.memory = system.getHardware().getMemory();
        this.os = system.getOperatingSystem();
        this.logicalCores = processor.getLogicalProcessorCount();
    }

    /**
     * Starts sampling on a daemon thread named {@value #THREAD_NAME}.
     *
     * @throws IllegalStateException when already started or closed
     */
    public void start() {
        synchronized (lock) {
            if (stop.getCount() == 0) {
                throw new IllegalStateException("the resource sampler is closed");
            }
            if (thread != null) {
                throw new IllegalStateException("the resource sampler is already started");
            }
            thread = new Thread(this::run, THREAD_NAME);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Stops sampling and waits for the sampler thread to end, which it does within one interval
     * unless the sink is busy. After it returns the sink is not called again. Idempotent.
     */
    @Override
    public void close() {
        stop.countDown();
        Thread t;
        synchronized (lock) {
            t = thread;
        }
        if (t == null || t == Thread.currentThread()) {
            return; // never started, or closed from the sink: the loop sees the stop flag on return
        }
        try {
            t.join(interval.toMillis() + 1000);
            if (t.isAlive()) {
                // Stuck in the sink, most likely; an interrupt is all we can offer it.
                t.interrupt();
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The samples taken so far, oldest first; at most {@value #MAX_KEPT}, the oldest dropped beyond. */
    public List<ResourceSample> samples() {
        synchronized (lock) {
            return List.copyOf(kept);
        }
    }

    /** The summary of every sample taken so far, including those no longer kept. */
    public ResourceSummary summary() {
        synchronized (lock) {
            return totals.summary(meanSampleMillisLocked());
        }
    }

    /** What one sample costs in the OSHI calls, mean over all samples, in ms (NaN before the first). */
    public double meanSampleMillis() {
        synchronized (lock) {
            return meanSampleMillisLocked();
        }
    }

    private double meanSampleMillisLocked() {
        return timedSamples == 0 ? Double.NaN : sampleNanos / 1e6 / timedSamples;
    }

    private void run() {
        synchronized (samplingLock) {
            try {
                prime();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Resource monitor: cannot read the CPU tick counters; loads will be measured from the first sample", e);
            }
        }
        long step = interval.toNanos();
        long next = System.nanoTime();
        try {
            while (true) {
                next += step;
                long wait = next - System.nanoTime();
                if (wait < 0) {
                    // Fell behind (a slow sink, a suspended machine): skip the missed ticks rather than catch up in a burst.
                    next = System.nanoTime();
                    wait = 0;
                }
                if (stop.await(wait, TimeUnit.NANOSECONDS)) {
                    return;
                }
                sampleOnce();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // only close() interrupts us: end the thread
        }
    }

    /**
     * Takes one sample now, keeps it and hands it to the sink; what the thread does at every tick.
     * Never throws: a failed sample is logged and skipped (null).
     */
    ResourceSample sampleOnce() {
        ResourceSample sample;
        synchronized (samplingLock) {
            try {
                sample = measure();
                if (failing) {
                    LOG.info("Resource monitor: sampling works again");
                    failing = false;
                }
            } catch (RuntimeException | LinkageError e) {
                // Logged once per streak, so that a broken OSHI does not fill the log once a second.
                if (!failing) {
                    LOG.warn("Resource monitor: a sample failed; skipping samples until one succeeds", e);
                    failing = true;
                }
                return null;
            }
        }
        synchronized (lock) {
            kept.addLast(sample);
            while (kept.size() > MAX_KEPT) {
                kept.removeFirst();
            }
            totals.add(sample);
        }
        try {
            sink.accept(sample);
            sinkFailing = false;
        } catch (RuntimeException e) {
            if (sinkFailing) {
                LOG.debug("Resource monitor: the sample sink failed again", e);
            } else {
                LOG.warn("Resource monitor: the sample sink failed; sampling goes on", e);
                sinkFailing = true;
            }
        }
        return sample;
    }

    private void prime() {
        previousTicks = processor.getSystemCpuLoadTicks();
        previousCoreTicks = processor.getProcessorCpuLoadTicks();
        Map<Long, OSProcess> seen = new HashMap<>();
        currentWorkers().values().forEach(pid -> {
            OSProcess p = process(pid);
            if (p != null) {
                seen.put(pid, p);
            }
        });
        previousProcesses = seen;
    }

    private ResourceSample measure() {
        Map<String, Long> names = currentWorkers();
        long started = System.nanoTime();
        long now = System.currentTimeMillis();
        if (previousTicks == null) {
            prime(); // the first readings failed at start: this sample's loads cover no time and read 0
        }
        long[] ticksBefore = previousTicks;
        long[][] coreTicksBefore = previousCoreTicks;
        // Taken as the new baseline before the loads are computed: should the cores change under us
        // (OSHI then refuses to compare), only this sample fails, not every one after it.
        previousTicks = processor.getSystemCpuLoadTicks();
        previousCoreTicks = processor.getProcessorCpuLoadTicks();
        double cpuTotal = processor.getSystemCpuLoadBetweenTicks(ticksBefore);
        double[] cpuPerCore = processor.getProcessorCpuLoadBetweenTicks(coreTicksBefore);

        long memTotal = memory.getTotal();
        long memUsed = memTotal - memory.getAvailable();
        long swapUsed = memory.getVirtualMemory().getSwapUsed();

        Map<String, WorkerSample> workerSamples = new TreeMap<>(ResourceSample.SOURCE_ORDER);
        Map<Long, OSProcess> seen = new HashMap<>();
        names.forEach((name, pid) -> {
            OSProcess p = process(pid);
            if (p == null) {
                return; // exited, or never was: absent from this sample
            }
            OSProcess before = previousProcesses.get(pid);
            // A PID the OS handed to a new process since the last sample must not be measured against the old one.
            boolean sameProcess = before != null && before.getStartTime() == p.getStartTime();
            double load = sameProcess ? p.getProcessCpuLoadBetweenTicks(before) : p.getProcessCpuLoadCumulative();
            // Tick counters are coarse (10 ms on Linux): over a short interval the ratio can overshoot.
            load = Double.isFinite(load) ? Math.max(0, Math.min(logicalCores, load)) : 0;
            workerSamples.put(name, new WorkerSample(pid, load, p.getResidentSetSize()));
            seen.put(pid, p);
        });
        previousProcesses = seen;
        long cost = System.nanoTime() - started;
        synchronized (lock) {
            sampleNanos += cost;
            timedSamples++;
        }
        return new ResourceSample(now, cpuTotal, cpuPerCore, memUsed, memTotal, swapUsed, workerSamples);
    }

    private Map<String, Long> currentWorkers() {
        try {
            Map<String, Long> map = workers.get();
            workersFailing = false;
            return map == null ? Map.of() : map;
        } catch (RuntimeException e) {
            if (!workersFailing) {
                LOG.warn("Resource monitor: could not get the worker PIDs; sampling the machine only", e);
                workersFailing = true;
            }
            return Map.of();
        }
    }

    /** The live process, or null when it has exited (a zombie waiting for its parent counts as exited). */
    private OSProcess process(Long pid) {
        if (pid == null || pid <= 0 || pid > Integer.MAX_VALUE) {
            return null;
        }
        try {
            OSProcess p = os.getProcess(pid.intValue());
            if (p == null || p.getState() == OSProcess.State.INVALID || p.getState() == OSProcess.State.ZOMBIE) {
                return null;
            }
            return p;
        } catch (RuntimeException e) {
            LOG.debug("Resource monitor: cannot read process {}", pid, e);
            return null;
        }
    }
}
