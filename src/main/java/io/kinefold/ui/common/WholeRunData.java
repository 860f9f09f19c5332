package io.kinefold.ui.common;

import io.kinefold.data.ModelKind;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.Status;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.WorkerSample;
import io.kinefold.store.Store;
import io.kinefold.store.TrialTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link WholeRunChart} draws of a whole run: the machine's CPU (total and per core) and
 * memory, each worker's CPU and RSS, and its trials by worker, all in seconds from the run's
 * start. Built the same way from a live run ({@link Builder}, fed as samples and trials arrive)
 * and from a stored one ({@link #forStoredRun}), so that a finished run looks as it did live.
 * Immutable; touches no control.
 *
 * <p>A line breaks (a NaN point) where its samples are more than {@link #GAP_SECONDS} apart, as
 * between the sessions of a resumed run, where a worker was missing from a sample, and where a
 * worker's name came back with another process: a line is never drawn across time nothing was
 * measured.
 */
public final class WholeRunData {
    /** Samples further apart than this (the sampler takes one a second) are not joined by a line. */
    public static final double GAP_SECONDS = 5;
    private static final double MIB = 1024.0 * 1024.0;

    /**
     * One line of a chart.
     *
     * @param name what it measures: {@code machine}, {@code core 3}, {@code memory used}, a worker's name
     * @param times seconds from the run's start, ascending
     * @param values the value at each time (percent or MiB); NaN where the line breaks
     */
    public record Line(String name, double[] times, double[] values) {
        public Line {
            Objects.requireNonNull(name, "name");
            if (times.length != values.length) {
                throw new IllegalArgumentException(times.length + " times for " + values.length + " values");
            }
            times = times.clone();
            values = values.clone();
        }

        @Override
        public double[] times() {
            return times.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        /** Points measured, breaks left out. */
        public int measured() {
            return (int) Arrays.stream(values).filter(v -> !Double.isNaN(v)).count();
        }

        /** Breaks in the line. */
        public int breaks() {
            return values.length - measured();
        }

        /** The largest value, 0 without one. */
        public double max() {
            return Arrays.stream(values).filter(v -> !Double.isNaN(v)).max().orElse(0);
        }

        /** The value measured last at or before {@code t}; NaN if none or the line is broken there. */
        public double valueAt(double t) {
            int i = Arrays.binarySearch(times, t);
            int at = i >= 0 ? i : -i - 2;
            return at < 0 ? Double.NaN : values[at];
        }

        int size() {
            return times.length;
        }

        double timeAt(int i) {
            return times[i];
        }

        double valueAtIndex(int i) {
            return values[i];
        }

        // The record's own equals would compare the arrays by identity.
        @Override
        public boolean equals(Object o) {
            return o instanceof Line l && name.equals(l.name) && Arrays.equals(times, l.times)
                    && Arrays.equals(values, l.values);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, Arrays.hashCode(times), Arrays.hashCode(values));
        }

        @Override
        public String toString() {
            return "Line[" + name + ", " + times.length + " points]";
        }
    }

    /**
     * One trial on the run's time axis.
     *
     * @param lane the worker that ran it (with the phase of a comparison before it)
     * @param trial the trial's key
     * @param kind its model's kind, for the colour
     * @param start seconds from the run's start
     * @param end seconds from the run's start; NaN while it runs
     * @param failed whether it ended without a result
     */
    public record TrialSpan(String lane, String trial, ModelKind kind, double start, double end, boolean failed) {
        public boolean running() {
            return Double.isNaN(end);
        }
    }

    private final Line machineCpu;
    private final List<Line> cores;
    private final Line memoryUsed;
    private final double memoryTotalMb;
    private final List<Line> workerCpu;
    private final List<Line> workerRss;
    private final List<TrialSpan> trials;
    private final double duration;

    private WholeRunData(Line machineCpu, List<Line> cores, Line memoryUsed, double memoryTotalMb, List<Line> workerCpu,
                         List<Line> workerRss, List<TrialSpan> trials, double duration) {
        this.machineCpu = machineCpu;
        this.cores = List.copyOf(cores);
        this.memoryUsed = memoryUsed;
        this.memoryTotalMb = memoryTotalMb;
        this.workerCpu = List.copyOf(workerCpu);
        this.workerRss = List.copyOf(workerRss);
        this.trials = List.copyOf(trials);
        this.duration = duration;
    }

    /** Nothing measured yet. */
    public static WholeRunData empty() {
        return new Builder(0).build(0);
    }

    /** The samples and trials of one run, placed from {@code startMillis}. */
    public static WholeRunData of(long startMillis, List<ResourceSample> samples, List<TrialSpan> trials) {
        Builder b = new Builder(startMillis);
        samples.forEach(s -> b.add(s, ""));
        trials.forEach(b::trial);
        return b.build(0);
    }

    /**
     * A stored run from its stored samples and trial times, in seconds from the run's start as the
     * store has it. Reads the store: call it off the FX thread. An unknown run is {@link #empty()}.
     */
    public static WholeRunData forStoredRun(Store store, long runId) {
        RunInfo run = store.run(runId).orElse(null);
        if (run == null) {
            return empty();
        }
        List<ResourceSample> samples = ResourceSample.fromRows(store.samples(runId));
        // The run's start is when it was created; a run stored oddly (samples before it) starts at its first sample.
        long start = run.started().toEpochMilli();
        if (!samples.isEmpty()) {
            start = Math.min(start, samples.get(0).epochMillis());
        }
        Builder b = new Builder(start);
        samples.forEach(s -> b.add(s, ""));
        for (TrialTime t : store.trialTimes(runId)) {
            b.trial(new TrialSpan(t.worker(), t.trialKey(), t.model().kind(), b.seconds(t.startedAtMillis()),
                    b.seconds(t.finishedAtMillis()), t.status() != Status.SUCCEEDED));
        }
        return b.build(0);
    }

    /** Machine CPU, percent of the machine. */
    public Line machineCpu() { return machineCpu; }
    /** Each core's CPU, percent of the core, in core order. */
    public List<Line> cores() { return cores; }
    /** Machine memory in use, MiB. */
    public Line memoryUsed() { return memoryUsed; }
    /** Machine memory, MiB; 0 when not known. */
    public double memoryTotalMb() { return memoryTotalMb; }
    /** Each worker's CPU, percent of one core, in the order workers first appeared. */
    public List<Line> workerCpu() { return workerCpu; }
    /** Each worker's RSS, MiB, in the same order as {@link #workerCpu()}. */
    public List<Line> workerRss() { return workerRss; }
    /** Every trial, in the order they started. */
    public List<TrialSpan> trials() { return trials; }
    /** Seconds from the run's start to its last sample or trial event. */
    public double duration() { return duration; }

    /** Workers of the lines and the trials, in the order they first appeared. */
    public List<String> workers() {
        List<String> names = new ArrayList<>();
        workerCpu.forEach(l -> names.add(l.name()));
        for (TrialSpan t : trials) {
            if (!names.contains(t.lane())) {
                names.add(t.lane());
            }
        }
        return names;
    }

    /** Workers that ran a trial, in the order their first trial started. */
    public List<String> lanes() {
        List<String> lanes = new ArrayList<>();
        for (TrialSpan t : trials) {
            if (!lanes.contains(t.lane())) {
                lanes.add(t.lane());
            }
        }
        return lanes;
    }

    public boolean isEmpty() {
        return machineCpu.size() == 0 && trials.isEmpty() && workerCpu.isEmpty();
    }

    /**
     * Collects a run as it goes: samples and trials in the order they arrive. Not thread-safe: feed
     * it from one thread (the run view's UI executor).
     */
    public static final class Builder {
        private final long startMillis;
        private final Growing machine = new Growing("machine");
        private final List<Growing> cores = new ArrayList<>();
        private final Growing memory = new Growing("memory used");
        private final Map<String, Growing> workerCpu = new LinkedHashMap<>();
        private final Map<String, Growing> workerRss = new LinkedHashMap<>();
        private final Map<String, Long> workerPid = new LinkedHashMap<>();
        private final Map<String, Integer> workerSeenAt = new LinkedHashMap<>();
        private final List<TrialSpan> trials = new ArrayList<>();
        private double memoryTotalMb;
        private double last;
        private int sampleCount;

        /** @param startMillis the run's start, epoch milliseconds: time zero */
        public Builder(long startMillis) {
            this.startMillis = startMillis;
        }

        public long startMillis() {
            return startMillis;
        }

        /** Seconds from the run's start. */
        public double seconds(long epochMillis) {
            return (epochMillis - startMillis) / 1000.0;
        }

        /** Adds a sample; {@code prefix} goes before worker names (a comparison's {@code "pool "}). */
        public Builder add(ResourceSample sample, String prefix) {
            double t = seconds(sample.epochMillis());
            machine.add(t, sample.cpuTotal() * 100, false);
            double[] perCore = sample.cpuPerCore();
            for (int i = 0; i < perCore.length; i++) {
                while (cores.size() <= i) {
                    cores.add(new Growing("core " + cores.size()));
                }
                cores.get(i).add(t, perCore[i] * 100, false);
            }
            memory.add(t, sample.memUsedBytes() / MIB, false);
            memoryTotalMb = Math.max(memoryTotalMb, sample.memTotalBytes() / MIB);
            for (Map.Entry<String, WorkerSample> e : sample.workers().entrySet()) {
                String name = prefix + e.getKey();
                WorkerSample w = e.getValue();
                Integer seenAt = workerSeenAt.put(name, sampleCount);
                Long pid = workerPid.put(name, w.pid());
                // Missing from the last sample, or the same name on another process: not one line.
                boolean broken = seenAt != null && (seenAt != sampleCount - 1 || (pid != null && pid != w.pid()));
                workerCpu.computeIfAbsent(name, Growing::new).add(t, w.cpu() * 100, broken);
                workerRss.computeIfAbsent(name, Growing::new).add(t, w.rssBytes() / MIB, broken);
            }
            sampleCount++;
            last = Math.max(last, t);
            return this;
        }

        /** Adds a trial, or replaces the open one of the same trial on the same lane (once it ended). */
        public Builder trial(TrialSpan span) {
            for (int i = trials.size() - 1; i >= 0; i--) {
                TrialSpan open = trials.get(i);
                if (open.running() && open.trial().equals(span.trial()) && open.lane().equals(span.lane())) {
                    trials.set(i, span);
                    note(span);
                    return this;
                }
            }
            trials.add(span);
            note(span);
            return this;
        }

        private void note(TrialSpan span) {
            last = Math.max(last, span.running() ? span.start() : span.end());
        }

        /** What has been collected; {@code now} (seconds) stretches the run to the present while it goes. */
        public WholeRunData build(double now) {
            return new WholeRunData(machine.line(), cores.stream().map(Growing::line).toList(), memory.line(),
                    memoryTotalMb, workerCpu.values().stream().map(Growing::line).toList(),
                    workerRss.values().stream().map(Growing::line).toList(), trials, Math.max(last, now));
        }
    }

    /** A line as it grows, with a NaN point where it breaks. */
    private static final class Growing {
        private final String name;
        private double[] times = new double[64];
        private double[] values = new double[64];
        private int size;

        Growing(String name) {
            this.name = name;
        }

        void add(double t, double v, boolean breakBefore) {
            if (size > 0 && !Double.isNaN(values[size - 1]) && (breakBefore || t - times[size - 1] > GAP_SECONDS)) {
                // Halfway, so that the last point before the break still reads as measured.
                push((times[size - 1] + t) / 2, Double.NaN);
            }
            push(t, v);
        }

        private void push(double t, double v) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = t;
            values[size] = v;
            size++;
        }

        Line line() {
            return new Line(name, Arrays.copyOf(times, size), Arrays.copyOf(values, size));
        }
    }
}
