package io.kinefold.report;

import io.kinefold.exec.ComparisonResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A comparison read into what the human formats show, with the sentences and tables worded once
 * for all of them. The {@link ComparisonResult} was read leniently from stored text that an older
 * or newer version may have written, so a missing or malformed field is NaN (or -1 for counts and
 * ids) here and shows as a dash. The exports and
 * the workbench's Results view both read comparisons through it.
 */
public record ComparisonView(String spec, long trials, Mode single, Mode pool, double speedup, double efficiency,
                      Boolean identicalMetrics, long differingTrials, Reference reference, double speedupOfReference,
                      List<ScalingPoint> scaling, List<PointTiming> perGridPoint) {

    /** One of the two runs: its times and what the monitor saw of it. */
    public record Mode(long runId, long workers, double wallSeconds, double trialSeconds, double peakRssMb,
                double sumOfWorkerPeakRssMb, double meanMachineCpu, double peakMemUsedMb, double memTotalMb) {
        public static Mode of(ComparisonResult.ModeTimings m) {
            ComparisonResult.Resources r = m.resources();
            return new Mode(m.runId(), m.workers(), m.wallSeconds(), m.trialSeconds(), known(m.peakRssMb()),
                    known(m.sumOfWorkerPeakRssMb()), r == null ? Double.NaN : number(r.meanMachineCpu()),
                    r == null ? Double.NaN : known(r.peakMemUsedMb()), r == null ? Double.NaN : known(r.memTotalMb()));
        }

        String memory() {
            String used = ReportText.megabytes(peakMemUsedMb);
            return used.equals(ReportText.MISSING) || !(memTotalMb > 0) ? used
                    : used + " of " + ReportText.megabytes(memTotalMb);
        }
    }

    /** What N independent CPU-bound processes reach on the same machine. */
    public record Reference(long processes, double speedup) {}

    public record ScalingPoint(long workers, double wallSeconds, double speedup, double efficiency) {}

    /**
     * One grid point's trial time in both modes.
     *
     * @param hyperparameters its values by name, in the document's order; NaN where not a number
     */
    public record PointTiming(String model, long gridPoint, Map<String, Double> hyperparameters, double singleSeconds,
                              double poolSeconds, double poolOverSingle, String label) {}

    public static ComparisonView of(ComparisonResult result) {
        ComparisonResult.Reference ref = result.reference();
        Reference reference = ref == null ? null : new Reference(ref.processes(), ref.speedup());
        List<ScalingPoint> scaling = new ArrayList<>();
        for (ComparisonResult.ScalingPoint p : result.scaling()) {
            scaling.add(new ScalingPoint(p.workers(), p.wallSeconds(), p.speedup(), p.efficiency()));
        }
        List<PointTiming> points = new ArrayList<>();
        for (ComparisonResult.GridPointTiming p : result.perGridPoint()) {
            Map<String, Double> params = new LinkedHashMap<>();
            p.hyperparameters().forEach((name, value) -> params.put(name, number(value)));
            points.add(new PointTiming(p.model(), p.gridPoint(), params, p.singleSeconds(), p.multiSeconds(),
                    p.multiOverSingle(), p.label()));
        }
        return new ComparisonView(result.spec(), result.trials(), Mode.of(result.single()), Mode.of(result.pool()),
                result.speedup(), result.efficiency(), result.identicalMetrics(), result.differingTrials(), reference,
                number(result.speedupOfReference()), List.copyOf(scaling), List.copyOf(points));
    }

    /** What was compared, e.g. {@code The spec small (12 trials) ran in a single process, then in a pool of 2 workers.} */
    String intro() {
        StringBuilder s = new StringBuilder("The spec ");
        s.append(spec == null ? ReportText.MISSING : ReportText.oneLine(spec));
        if (trials >= 0) {
            s.append(" (").append(trials).append(trials == 1 ? " trial)" : " trials)");
        }
        s.append(" ran in a single process, then in a pool");
        if (pool.workers >= 0) {
            s.append(" of ").append(pool.workers).append(pool.workers == 1 ? " worker" : " workers");
        }
        return s.append('.').toString();
    }

    /** E.g. {@code Speedup 1.78× with 2 workers, parallel efficiency 89 %; metrics identical in both modes: yes.} */
    String verdict() {
        StringBuilder s = new StringBuilder("Speedup ").append(ReportText.times(speedup));
        if (pool.workers >= 0) {
            s.append(" with ").append(pool.workers).append(pool.workers == 1 ? " worker" : " workers");
        }
        s.append(", parallel efficiency ").append(ReportText.percent(efficiency))
                .append("; metrics identical in both modes: ");
        if (identicalMetrics == null) {
            s.append(ReportText.MISSING);
        } else if (identicalMetrics) {
            s.append("yes");
        } else {
            s.append("no");
            if (differingTrials >= 0) {
                s.append(" (").append(differingTrials).append(differingTrials == 1 ? " trial differs)" : " trials differ)");
            }
        }
        return s.append('.').toString();
    }

    /**
     * E.g. {@code 2 independent CPU-bound processes on this machine: 1.95× — the pool reached 91 % of it.},
     * or null when no reference was measured.
     */
    String referenceLine() {
        if (reference == null) {
            return null;
        }
        return String.format(Locale.ROOT, "%s independent CPU-bound processes on this machine: %s — the pool reached %s of it.",
                ReportText.count(reference.processes), ReportText.times(reference.speedup),
                ReportText.percent(speedupOfReference));
    }

    static final String EFFICIENCY_NOTE = "parallel efficiency is the speedup divided by the pool's workers: 100 % "
            + "would mean each worker as fast as the single process alone";

    /** Both modes side by side; {@code thisRun} (the report's run id, or -1) is marked in its column's header. */
    TextTable totals(long thisRun) {
        List<String> header = List.of("Total", column("Single process", single, thisRun), column("Pool", pool, thisRun));
        double singleSpeedup = Double.isFinite(single.wallSeconds) ? 1.0 : Double.NaN;
        List<List<String>> rows = List.of(
                List.of("Workers", ReportText.count(single.workers), ReportText.count(pool.workers)),
                List.of("Wall time", ReportText.seconds(single.wallSeconds), ReportText.seconds(pool.wallSeconds)),
                List.of("Trial time, summed over trials", ReportText.seconds(single.trialSeconds),
                        ReportText.seconds(pool.trialSeconds)),
                List.of("Speedup over the single process", ReportText.times(singleSpeedup), ReportText.times(speedup)),
                List.of("Parallel efficiency", ReportText.percent(singleSpeedup), ReportText.percent(efficiency)),
                List.of("Peak RSS per worker (largest)", ReportText.megabytes(single.peakRssMb),
                        ReportText.megabytes(pool.peakRssMb)),
                List.of("Sum of the workers' peak RSS", ReportText.megabytes(single.sumOfWorkerPeakRssMb),
                        ReportText.megabytes(pool.sumOfWorkerPeakRssMb)),
                List.of("Machine CPU, mean", ReportText.percent(single.meanMachineCpu),
                        ReportText.percent(pool.meanMachineCpu)),
                List.of("Machine memory in use, peak", single.memory(), pool.memory()));
        return new TextTable(header, rows, 1);
    }

    private static String column(String name, Mode mode, long thisRun) {
        if (mode.runId < 0) {
            return name;
        }
        return name + ", run " + mode.runId + (mode.runId == thisRun ? " (this report)" : "");
    }

    /** The speedup curve, or null when the comparison was run without {@code --scaling}. */
    TextTable scalingTable() {
        if (scaling.isEmpty()) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ScalingPoint p : scaling) {
            rows.add(List.of(ReportText.count(p.workers), ReportText.seconds(p.wallSeconds), ReportText.times(p.speedup),
                    ReportText.percent(p.efficiency)));
        }
        return new TextTable(List.of("Workers", "Wall time", "Speedup", "Parallel efficiency"), rows, 0);
    }

    static final String PER_POINT_NOTE = "seconds of trial time, summed over the folds of each grid point; pool / single "
            + "above 1 means the grid point's trials took longer each in the pool than alone, which the pool makes up "
            + "for by running several at once";

    /** One row per grid point and a last row for all of them; null when the document lists none. */
    TextTable perGridPointTable() {
        if (perGridPoint.isEmpty()) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        double singleTotal = 0;
        double poolTotal = 0;
        for (PointTiming p : perGridPoint) {
            rows.add(List.of(p.model == null ? ReportText.MISSING : ReportText.oneLine(p.model),
                    p.label == null ? ReportText.MISSING : ReportText.oneLine(p.label),
                    ReportText.fixed(p.singleSeconds, 1), ReportText.fixed(p.poolSeconds, 1),
                    ReportText.fixed(p.poolOverSingle, 2)));
            singleTotal += p.singleSeconds;
            poolTotal += p.poolSeconds;
        }
        if (perGridPoint.size() > 1) {
            rows.add(List.of("All grid points", "", ReportText.fixed(singleTotal, 1),
                    ReportText.fixed(poolTotal, 1), ReportText.fixed(poolTotal / singleTotal, 2)));
        }
        return new TextTable(List.of("Model", "Grid point", "Single (s)", "Pool (s)", "Pool / single"), rows, 2);
    }

    /** A figure the document may lack: NaN when it does. */
    private static double number(Double v) {
        return v == null ? Double.NaN : v;
    }

    /** A count or size the document may lack (read as -1): NaN when it does. */
    private static double known(long v) {
        return v < 0 ? Double.NaN : v;
    }
}
