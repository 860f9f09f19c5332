package io.kinefold.monitor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the resource monitor saw over a run, in a few numbers.
 *
 * @param samples how many samples
 * @param meanCpu mean machine CPU load, 0..1 (NaN without samples)
 * @param peakCpu highest machine CPU load, 0..1 (NaN without samples)
 * @param peakMemUsedBytes most physical memory in use at any sample
 * @param memTotalBytes the machine's physical memory
 * @param peakRssBytesByWorker each worker's highest resident set size, by name in natural order
 * @param meanSampleMillis what one sample cost the monitor (NaN when unknown, as for stored runs)
 */
public record ResourceSummary(int samples, double meanCpu, double peakCpu, long peakMemUsedBytes, long memTotalBytes,
                              Map<String, Long> peakRssBytesByWorker, double meanSampleMillis) {
    public ResourceSummary {
        TreeMap<String, Long> sorted = new TreeMap<>(ResourceSample.SOURCE_ORDER);
        sorted.putAll(Objects.requireNonNull(peakRssBytesByWorker, "peakRssBytesByWorker"));
        peakRssBytesByWorker = Collections.unmodifiableMap(sorted);
    }

    public static ResourceSummary of(List<ResourceSample> samples, double meanSampleMillis) {
        Accumulator totals = new Accumulator();
        samples.forEach(totals::add);
        return totals.summary(meanSampleMillis);
    }

    /** The summary of a stored run's samples; what sampling cost is not stored, so it is NaN. */
    public static ResourceSummary fromRows(List<ResourceSampleRow> rows) {
        return of(ResourceSample.fromRows(rows), Double.NaN);
    }

    /**
     * With the resident sizes workers reported themselves (after each trial) counted in: a run
     * shorter than the sampling interval has no sample of a worker, but its reports.
     */
    public ResourceSummary withReportedRss(Map<String, Long> reported) {
        Map<String, Long> merged = new java.util.HashMap<>(peakRssBytesByWorker);
        reported.forEach((worker, bytes) -> merged.merge(worker, bytes, Math::max));
        return new ResourceSummary(samples, meanCpu, peakCpu, peakMemUsedBytes, memTotalBytes, merged, meanSampleMillis);
    }

    /** The highest peak RSS of any worker, bytes; 0 without workers. */
    public long peakRssBytes() {
        return peakRssBytesByWorker.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /**
     * As {@code run --json}, comparisons and JSON exports write it: MB are 2^20 bytes, and a
     * figure that is not known (NaN) is null rather than a non-standard number.
     */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples);
        putFinite(m, "meanMachineCpu", meanCpu);
        putFinite(m, "peakMachineCpu", peakCpu);
        m.put("peakMemUsedMb", peakMemUsedBytes >> 20);
        m.put("memTotalMb", memTotalBytes >> 20);
        Map<String, Long> peaks = new LinkedHashMap<>();
        peakRssBytesByWorker.forEach((w, b) -> peaks.put(w, b >> 20));
        m.put("peakRssMbByWorker", peaks);
        m.put("peakRssMb", peakRssBytes() >> 20);
        putFinite(m, "meanSampleMillis", meanSampleMillis);
        return m;
    }

    private static void putFinite(Map<String, Object> m, String key, double v) {
        m.put(key, Double.isFinite(v) ? v : null);
    }

    /**
     * Running totals, so that a sampler can summarise every sample it took, not only the ones it
     * still keeps. Not thread-safe.
     */
    static final class Accumulator {
        private int count;
        private int cpuCount;
        private double cpuSum;
        private double peakCpu = Double.NaN;
        private long peakMemUsed;
        private long memTotal;
        private final Map<String, Long> peakRss = new TreeMap<>(ResourceSample.SOURCE_ORDER);

        void add(ResourceSample s) {
            count++;
            // A stored sample may lack its load (NaN); it still counts, its memory still tells.
            if (!Double.isNaN(s.cpuTotal())) {
                cpuCount++;
                cpuSum += s.cpuTotal();
                peakCpu = Double.isNaN(peakCpu) ? s.cpuTotal() : Math.max(peakCpu, s.cpuTotal());
            }
            peakMemUsed = Math.max(peakMemUsed, s.memUsedBytes());
            memTotal = Math.max(memTotal, s.memTotalBytes());
            s.workers().forEach((name, w) -> peakRss.merge(name, w.rssBytes(), Math::max));
        }

        ResourceSummary summary(double meanSampleMillis) {
            return new ResourceSummary(count, cpuCount == 0 ? Double.NaN : cpuSum / cpuCount, peakCpu, peakMemUsed, memTotal,
                    peakRss, meanSampleMillis);
        }
    }
}
