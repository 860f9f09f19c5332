package io.kinefold.ui.results;

import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.WorkerSample;
import io.kinefold.report.Comparison;
import io.kinefold.report.ComparisonView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
        ComparisonView view = ComparisonView.of(comparison.result());
        ComparisonView.Mode single = view.single();
        ComparisonView.Mode pool = view.pool();
        boolean singleKnown = Double.isFinite(single.wallSeconds());

        List<TimingRow> totals = List.of(
                new TimingRow("Workers", count(single.workers()), count(pool.workers())),
                new TimingRow("Wall time (s)", fixed(single.wallSeconds(), 1), fixed(pool.wallSeconds(), 1)),
                new TimingRow("Trial time, summed over trials (s)", fixed(single.trialSeconds(), 1),
                        fixed(pool.trialSeconds(), 1)),
                new TimingRow("Speedup over one process (×)", singleKnown ? "1.00" : MISSING, fixed(view.speedup(), 2)),
                new TimingRow("Parallel efficiency (%)", singleKnown ? "100" : MISSING, fixed(100 * view.efficiency(), 0)),
                new TimingRow("Peak RSS, largest worker (MB)", fixed(single.peakRssMb(), 0), fixed(pool.peakRssMb(), 0)),
                new TimingRow("Peak RSS, all workers summed (MB)", fixed(single.sumOfWorkerPeakRssMb(), 0),
                        fixed(pool.sumOfWorkerPeakRssMb(), 0)));

        List<String> summary = new ArrayList<>();
        long poolWorkers = pool.workers();
        summary.add("Speedup " + times(view.speedup())
                + (poolWorkers >= 0 ? " with " + poolWorkers + (poolWorkers == 1 ? " worker" : " workers") : "")
                + ", parallel efficiency " + percent(view.efficiency())
                + " (the speedup divided by the workers: 100 % would mean each worker as fast as one process alone).");
        if (view.reference() != null) {
            summary.add(count(view.reference().processes()) + " independent CPU-bound processes reach "
                    + times(view.reference().speedup()) + " on this machine; the pool reached "
                    + percent(view.speedupOfReference()) + " of that.");
        }
        if (view.identicalMetrics() != null) {
            long differing = view.differingTrials();
            summary.add(view.identicalMetrics() ? "Metrics are identical in both modes."
                    : "Metrics differ between the modes" + (differing >= 0 ? " in " + differing
                    + (differing == 1 ? " trial." : " trials.") : "."));
        } else {
            summary.add("Whether the metrics agree in both modes was not recorded.");
        }

        List<PointTimingRow> points = new ArrayList<>();
        for (ComparisonView.PointTiming p : view.perGridPoint()) {
            points.add(new PointTimingRow(p.model() == null ? MISSING : p.model(),
                    p.label() == null ? MISSING : p.label(), hyperparameters(p.hyperparameters()),
                    p.singleSeconds(), p.poolSeconds(), p.poolOverSingle()));
        }

        return new ComparisonData(header("Single process", single.runId(), thisRun), header("Pool", pool.runId(), thisRun),
                totals, List.copyOf(summary), List.copyOf(points),
                thin(cpu(comparison.singleSamples())), thin(cpu(comparison.poolSamples())),
                thin(workerMemory(comparison.singleSamples())), thin(workerMemory(comparison.poolSamples())));
    }

    private static String header(String name, long run, long thisRun) {
        if (run < 0) {
            return name;
        }
        return name + ", run " + run + (run == thisRun ? " (this run)" : "");
    }

    private static String hyperparameters(Map<String, Double> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((name, value) -> parts.add(name + " " + ResultsViewModel.plain(value)));
        return String.join(", ", parts);
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
