package io.kinefold.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sample of the machine and of each worker process.
 *
 * <p>CPU values are fractions: {@code cpuTotal} and each of {@code cpuPerCore} run from 0 to 1
 * (of the whole machine, of one core); a worker's {@link WorkerSample#cpu()} is a fraction of one
 * core, so a worker using one full core is 1.0.
 *
 * <p>In the store a sample becomes {@link #toRows rows}, one per measurement, under the sources
 * {@value #MACHINE}, {@code core0}, {@code core1}, … and each worker's name. A worker must
 * therefore not be named {@code machine} or {@code core}<i>n</i>.
 *
 * @param epochMillis when it was taken
 * @param cpuTotal the machine's CPU load, 0..1
 * @param cpuPerCore each logical core's load, 0..1 (a copy is kept and handed out)
 * @param memUsedBytes physical memory in use (total minus available)
 * @param memTotalBytes physical memory
 * @param swapUsedBytes swap in use
 * @param workers by name ({@code w1}, …), only those whose process was alive at the sample
 */
public record ResourceSample(long epochMillis, double cpuTotal, double[] cpuPerCore, long memUsedBytes,
                             long memTotalBytes, long swapUsedBytes, Map<String, WorkerSample> workers) {
    /** Source of the machine-wide rows. */
    public static final String MACHINE = "machine";
    /** Between a cluster node's name and a source of its samples. */
    public static final char NODE_SEPARATOR = '/';
    /** Metric: CPU load (machine and cores 0..1, workers 0..cores). */
    public static final String CPU = "cpu";
    /** Metric of {@value #MACHINE}: memory in use, MiB. */
    public static final String MEM_USED_MB = "memUsedMb";
    /** Metric of {@value #MACHINE}: physical memory, MiB. */
    public static final String MEM_TOTAL_MB = "memTotalMb";
    /** Metric of {@value #MACHINE}: swap in use, MiB. */
    public static final String SWAP_USED_MB = "swapUsedMb";
    /** Metric of a worker: resident set size, MiB. */
    public static final String RSS_MB = "rssMb";
    /** Metric of a worker: its process id. */
    public static final String PID = "pid";

    private static final Pattern CORE = Pattern.compile("core(\\d+)");
    private static final List<String> METRICS = List.of(CPU, MEM_USED_MB, MEM_TOTAL_MB, SWAP_USED_MB, RSS_MB, PID);
    // A power of two, so bytes -> MiB -> bytes is exact for any size a machine has (below 2^53 bytes).
    private static final double MIB = 1024.0 * 1024.0;

    /**
     * Orders the sources of rows as a reader expects them: {@value #MACHINE} first, then the cores
     * by number ({@code core2} before {@code core10}), then the workers in natural order ({@code w2}
     * before {@code w10}).
     */
    public static final Comparator<String> SOURCE_ORDER = Comparator
            .comparingInt(ResourceSample::sourceRank)
            .thenComparing(ResourceSample::compareNatural);

    /** Orders metrics as {@link #toRows} writes them, unknown ones after, alphabetically. */
    public static final Comparator<String> METRIC_ORDER = Comparator
            .comparingInt((String m) -> METRICS.contains(m) ? METRICS.indexOf(m) : METRICS.size())
            .thenComparing(Comparator.naturalOrder());

    public ResourceSample {
        Objects.requireNonNull(cpuPerCore, "cpuPerCore");
        Objects.requireNonNull(workers, "workers");
        cpuPerCore = cpuPerCore.clone();
        TreeMap<String, WorkerSample> sorted = new TreeMap<>(SOURCE_ORDER);
        workers.forEach((name, w) -> sorted.put(Objects.requireNonNull(name, "worker name"),
                Objects.requireNonNull(w, "worker sample")));
        workers = Collections.unmodifiableMap(sorted);
    }

    /** Each logical core's load, 0..1; a copy. */
    @Override
    public double[] cpuPerCore() {
        return cpuPerCore.clone();
    }

    /** Whether {@code source} names a core ({@code core0}, …): the index, or -1. */
    public static int coreIndex(String source) {
        Matcher m = CORE.matcher(source);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * The sample as store rows: source {@value #MACHINE} with {@code cpu, memUsedMb, memTotalMb,
     * swapUsedMb}; sources {@code core0}, … with {@code cpu}; each worker with {@code cpu, rssMb,
     * pid}. Memory is in MiB (bytes / 2^20), which {@link #fromRows} turns back into the same bytes.
     */
    public List<ResourceSampleRow> toRows(long runId) {
        List<ResourceSampleRow> rows = new ArrayList<>(4 + cpuPerCore.length + 3 * workers.size());
        rows.add(new ResourceSampleRow(runId, epochMillis, MACHINE, CPU, cpuTotal));
        rows.add(new ResourceSampleRow(runId, epochMillis, MACHINE, MEM_USED_MB, memUsedBytes / MIB));
        rows.add(new ResourceSampleRow(runId, epochMillis, MACHINE, MEM_TOTAL_MB, memTotalBytes / MIB));
        rows.add(new ResourceSampleRow(runId, epochMillis, MACHINE, SWAP_USED_MB, swapUsedBytes / MIB));
        for (int i = 0; i < cpuPerCore.length; i++) {
            rows.add(new ResourceSampleRow(runId, epochMillis, "core" + i, CPU, cpuPerCore[i]));
        }
        workers.forEach((name, w) -> {
            rows.add(new ResourceSampleRow(runId, epochMillis, name, CPU, w.cpu()));
            rows.add(new ResourceSampleRow(runId, epochMillis, name, RSS_MB, w.rssBytes() / MIB));
            rows.add(new ResourceSampleRow(runId, epochMillis, name, PID, w.pid()));
        });
        return rows;
    }

    /**
     * Rows of a cluster node's sample, stored beside the coordinator's own: every source under the
     * node's name, {@code 10.0.0.5:5701/machine}, {@code …/core0}, {@code …/w1}.
     */
    public List<ResourceSampleRow> toRows(long runId, String node) {
        return toRows(runId).stream().map(r -> new ResourceSampleRow(r.runId(), r.epochMillis(), node + NODE_SEPARATOR + r.source(),
                r.metric(), r.value())).toList();
    }

    /** The samples of one cluster node among {@code rows}, as it took them; its workers under their names there ({@code w1}). */
    public static List<ResourceSample> fromRows(List<ResourceSampleRow> rows, String node) {
        String prefix = node + NODE_SEPARATOR;
        List<ResourceSampleRow> own = rows.stream().filter(r -> r.source().startsWith(prefix))
                .map(r -> new ResourceSampleRow(r.runId(), r.epochMillis(), r.source().substring(prefix.length()), r.metric(), r.value()))
                .toList();
        return fromRows(own);
    }

    /** The cluster nodes that have samples among {@code rows}, in the order they first appear. */
    public static List<String> nodes(List<ResourceSampleRow> rows) {
        java.util.LinkedHashSet<String> nodes = new java.util.LinkedHashSet<>();
        String machine = NODE_SEPARATOR + MACHINE;
        for (ResourceSampleRow r : rows) {
            if (r.source().endsWith(machine)) {
                nodes.add(r.source().substring(0, r.source().length() - machine.length()));
            }
        }
        return List.copyOf(nodes);
    }

    /**
     * The samples that {@code rows} (as {@link #toRows} writes them and the store gives them back)
     * hold, one per timestamp, in time order. A measurement missing from the rows comes back as
     * NaN for a load, 0 for bytes and -1 for a pid; unknown metrics are ignored.
     */
    public static List<ResourceSample> fromRows(List<ResourceSampleRow> rows) {
        TreeMap<Long, List<ResourceSampleRow>> byTime = new TreeMap<>();
        for (ResourceSampleRow row : rows) {
            if (row.source().indexOf(NODE_SEPARATOR) < 0) { // a cluster node's rows are its own samples: fromRows(rows, node)
                byTime.computeIfAbsent(row.epochMillis(), t -> new ArrayList<>()).add(row);
            }
        }
        List<ResourceSample> samples = new ArrayList<>(byTime.size());
        byTime.forEach((time, group) -> samples.add(fromGroup(time, group)));
        return samples;
    }

    private static ResourceSample fromGroup(long epochMillis, List<ResourceSampleRow> group) {
        double cpu = Double.NaN;
        long memUsed = 0;
        long memTotal = 0;
        long swapUsed = 0;
        TreeMap<Integer, Double> cores = new TreeMap<>();
        TreeMap<String, double[]> workers = new TreeMap<>(SOURCE_ORDER); // pid, cpu, rssMb
        for (ResourceSampleRow row : group) {
            String source = row.source();
            double v = row.value();
            int core = coreIndex(source);
            if (MACHINE.equals(source)) {
                switch (row.metric()) {
                    case CPU -> cpu = v;
                    case MEM_USED_MB -> memUsed = bytes(v);
                    case MEM_TOTAL_MB -> memTotal = bytes(v);
                    case SWAP_USED_MB -> swapUsed = bytes(v);
                    default -> { }
                }
            } else if (core >= 0) {
                if (CPU.equals(row.metric())) {
                    cores.put(core, v);
                }
            } else {
                double[] w = workers.computeIfAbsent(source, s -> new double[] {-1, Double.NaN, 0});
                switch (row.metric()) {
                    case PID -> w[0] = v;
                    case CPU -> w[1] = v;
                    case RSS_MB -> w[2] = v;
                    default -> { }
                }
            }
        }
        double[] perCore = new double[cores.isEmpty() ? 0 : cores.lastKey() + 1];
        Arrays.fill(perCore, Double.NaN);
        cores.forEach((i, v) -> perCore[i] = v);
        TreeMap<String, WorkerSample> workerSamples = new TreeMap<>(SOURCE_ORDER);
        workers.forEach((name, w) -> workerSamples.put(name, new WorkerSample((long) w[0], w[1], bytes(w[2]))));
        return new ResourceSample(epochMillis, cpu, perCore, memUsed, memTotal, swapUsed, workerSamples);
    }

    private static long bytes(double mib) {
        return Math.round(mib * MIB);
    }

    private static int sourceRank(String source) {
        if (MACHINE.equals(source)) {
            return 0;
        }
        return CORE.matcher(source).matches() ? 1 : 2;
    }

    /** Compares runs of ASCII digits by their value and everything else by character; ties by plain order. */
    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && isDigit(b.charAt(j))) {
                    j++;
                }
                String da = stripZeros(a.substring(si, i));
                String db = stripZeros(b.substring(sj, j));
                int c = da.length() != db.length() ? Integer.compare(da.length(), db.length()) : da.compareTo(db);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }

    // The record's own equals would compare the core loads by array identity.
    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceSample s
                && epochMillis == s.epochMillis
                && Double.compare(cpuTotal, s.cpuTotal) == 0
                && Arrays.equals(cpuPerCore, s.cpuPerCore)
                && memUsedBytes == s.memUsedBytes
                && memTotalBytes == s.memTotalBytes
                && swapUsedBytes == s.swapUsedBytes
                && workers.equals(s.workers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(epochMillis, cpuTotal, Arrays.hashCode(cpuPerCore), memUsedBytes, memTotalBytes,
                swapUsedBytes, workers);
    }

    @Override
    public String toString() {
        return "ResourceSample[epochMillis=" + epochMillis + ", cpuTotal=" + cpuTotal + ", cpuPerCore="
                + Arrays.toString(cpuPerCore) + ", memUsedBytes=" + memUsedBytes + ", memTotalBytes=" + memTotalBytes
                + ", swapUsedBytes=" + swapUsedBytes + ", workers=" + workers + "]";
    }
}
