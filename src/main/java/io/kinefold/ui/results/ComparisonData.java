package io.kinefold.ui.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.WorkerSample;
import io.kinefold.report.Comparison;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A stored comparison read into what the Comparison section shows. Reading is lenient, as in the
 * HTML export: the document is stored text that an older or newer version may have written, so a
 * missing or malformed field shows as a dash instead of failing the whole view.
 *
 * @param singleHeader column header of the single-process run, e.g. {@code Single process, run 3}
 * @param poolHeader column header of the pool run, e.g. {@code Pool, run 4 (this run)}
 * @param totals both runs side by side, one measure a row
 * @param summary speedup, efficiency, the reference and whether the metrics agree, in sentences
 * @param perGridPoint trial time of every grid point in both modes
 * @param singleCpu machine CPU of the single-process run, {@code {seconds, percent}} rows
 * @param poolCpu machine CPU of the pool run
 * @param singleMemory the single-process run's workers' resident memory, summed, {@code {seconds, MB}}
 * @param poolMemory the pool run's workers' resident memory, summed
 */
public record ComparisonData(String singleHeader, String poolHeader, List<TimingRow> totals, List<String> summary,
                             List<PointTimingRow> perGridPoint, double[][] singleCpu, double[][] poolCpu,
                             double[][] singleMemory, double[][] poolMemory) {
    static final String MISSING = "—";
    /** Charts stay responsive with this many points a line; longer runs are thinned evenly. */
    static final int MAX_CHART_POINTS = 600;
    private static final double MIB = 1024.0 * 1024.0;

    /** One measure of both runs. */
    public record TimingRow(String measure, String single, String pool) {}

    /**
     * Trial time of one grid point in both modes, seconds summed over its folds.
     *
     * @param poolOverSingle above 1 when each trial took longer in the pool than alone
     */
    public record PointTimingRow(String model, String gridPoint, String hyperparameters, double singleSeconds,
                                 double poolSeconds, double poolOverSingle) {}

    /** Reads the comparison; {@code thisRun} is marked in its column's header. */
    static ComparisonData of(Comparison comparison, long thisRun) {
        JsonNode root = comparison.result();
        JsonNode single = root.path("single");
        JsonNode pool = root.path("multi");
        double speedup = number(root, "speedup");
        long poolWorkers = whole(pool, "workers");

        List<TimingRow> totals = List.of(
                new TimingRow("Workers", count(whole(single, "workers")), count(poolWorkers)),
                new TimingRow("Wall time (s)", fixed(number(single, "wallSeconds"), 1),
                        fixed(number(pool, "wallSeconds"), 1)),
                new TimingRow("Trial time, summed over trials (s)", fixed(number(single, "trialSeconds"), 1),
                        fixed(number(pool, "trialSeconds"), 1)),
                new TimingRow("Speedup over one process (×)",
                        Double.isFinite(number(single, "wallSeconds")) ? "1.00" : MISSING, fixed(speedup, 2)),
                new TimingRow("Parallel efficiency (%)",
                        Double.isFinite(number(single, "wallSeconds")) ? "100" : MISSING,
                        fixed(100 * number(root, "efficiency"), 0)),
                new TimingRow("Peak RSS, largest worker (MB)", fixed(number(single, "peakRssMb"), 0),
                        fixed(number(pool, "peakRssMb"), 0)),
                new TimingRow("Peak RSS, all workers summed (MB)", fixed(number(single, "sumOfWorkerPeakRssMb"), 0),
                        fixed(number(pool, "sumOfWorkerPeakRssMb"), 0)));

        List<String> summary = new ArrayList<>();
        summary.add("Speedup " + times(speedup)
                + (poolWorkers >= 0 ? " with " + poolWorkers + (poolWorkers == 1 ? " worker" : " workers") : "")
                + ", parallel efficiency " + percent(number(root, "efficiency"))
                + " (the speedup divided by the workers: 100 % would mean each worker as fast as one process alone).");
        JsonNode reference = root.path("reference");
        if (reference.isObject()) {
            summary.add(count(whole(reference, "processes")) + " independent CPU-bound processes reach "
                    + times(number(reference, "speedup")) + " on this machine; the pool reached "
                    + percent(number(root, "speedupOfReference")) + " of that.");
        }
        JsonNode identical = root.path("identicalMetrics");
        if (identical.isBoolean()) {
            long differing = whole(root, "differingTrials");
            summary.add(identical.booleanValue() ? "Metrics are identical in both modes."
                    : "Metrics differ between the modes" + (differing >= 0 ? " in " + differing
                    + (differing == 1 ? " trial." : " trials.") : "."));
        } else {
            summary.add("Whether the metrics agree in both modes was not recorded.");
        }

        List<PointTimingRow> points = new ArrayList<>();
        for (JsonNode p : root.path("perGridPoint")) {
            long g = whole(p, "gridPoint");
            points.add(new PointTimingRow(p.path("model").isValueNode() ? p.path("model").asText() : MISSING,
                    g < 0 ? MISSING : "g" + g, hyperparameters(p.path("hyperparameters")), number(p, "singleSeconds"),
                    number(p, "multiSeconds"), number(p, "multiOverSingle")));
        }

        return new ComparisonData(header("Single process", single, thisRun), header("Pool", pool, thisRun), totals,
                List.copyOf(summary), List.copyOf(points),
                thin(cpu(comparison.singleSamples())), thin(cpu(comparison.poolSamples())),
                thin(workerMemory(comparison.singleSamples())), thin(workerMemory(comparison.poolSamples())));
    }

    private static String header(String name, JsonNode mode, long thisRun) {
        long run = whole(mode, "runId");
        if (run < 0) {
            return name;
        }
        return name + ", run " + run + (run == thisRun ? " (this run)" : "");
    }

    private static String hyperparameters(JsonNode params) {
        List<String> parts = new ArrayList<>();
        params.fields().forEachRemaining(e -> parts.add(e.getKey() + " " + ResultsViewModel.plain(number(params, e.getKey()))));
        return parts.isEmpty() ? "" : String.join(", ", parts);
    }

    private static List<ResourceSample> inTimeOrder(List<ResourceSample> samples) {
        List<ResourceSample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparingLong(ResourceSample::epochMillis));
        return sorted;
    }

    /** The machine's CPU load in percent of all cores over the seconds since the first sample. */
    static double[][] cpu(List<ResourceSample> samples) {
        List<ResourceSample> sorted = inTimeOrder(samples);
        double[][] points = new double[sorted.size()][];
        for (int i = 0; i < points.length; i++) {
            ResourceSample s = sorted.get(i);
            points[i] = new double[] {(s.epochMillis() - sorted.get(0).epochMillis()) / 1000.0, 100 * s.cpuTotal()};
        }
        return points;
    }

    /**
     * The workers' resident memory summed, in MB: what grows with every process of a pool, where
     * the machine's memory in use would also count whatever else the machine runs.
     */
    static double[][] workerMemory(List<ResourceSample> samples) {
        List<ResourceSample> sorted = inTimeOrder(samples);
        double[][] points = new double[sorted.size()][];
        for (int i = 0; i < points.length; i++) {
            ResourceSample s = sorted.get(i);
            long bytes = 0;
            for (WorkerSample w : s.workers().values()) {
                bytes += Math.max(0, w.rssBytes());
            }
            points[i] = new double[] {(s.epochMillis() - sorted.get(0).epochMillis()) / 1000.0,
                    s.workers().isEmpty() ? Double.NaN : bytes / MIB};
        }
        return points;
    }

    /** Every k-th point, and the last, so that at most about {@link #MAX_CHART_POINTS} remain. */
    static double[][] thin(double[][] points) {
        if (points.length <= MAX_CHART_POINTS) {
            return points;
        }
        int step = (int) Math.ceil(points.length / (double) MAX_CHART_POINTS);
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < points.length; i += step) {
            kept.add(points[i]);
        }
        if (kept.get(kept.size() - 1) != points[points.length - 1]) {
            kept.add(points[points.length - 1]);
        }
        return kept.toArray(double[][]::new);
    }

    /** A number, also from the string {@code "NaN"} Jackson writes for a non-finite double; NaN when missing. */
    static double number(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.textValue().strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static long whole(JsonNode n, String field) {
        double v = number(n, field);
        return Double.isFinite(v) && v >= 0 ? Math.round(v) : -1;
    }

    static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : MISSING;
    }

    private static String count(long n) {
        return n < 0 ? MISSING : Long.toString(n);
    }

    private static String times(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f×", v) : MISSING;
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.0f %%", 100 * fraction) : MISSING;
    }
}
