package io.kinefold.exec;

import io.kinefold.experiment.Baseline;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.TrialResult;
import io.kinefold.experiment.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The same spec single-process and in the pool, and what the comparison found: wall times,
 * speedup, efficiency against N and against what N plain CPU-bound processes get here, peak
 * RAM, whether both modes gave the same metrics, and per grid point the trial time of each mode.
 * Both runs are ordinary stored runs; the {@link ComparisonResult} is stored beside them. The
 * command line and the workbench run comparisons through {@link CompareWorkflow}, which uses this.
 */
public final class Comparer {
    /** Mode names the store keeps for the two runs. */
    public static final String SINGLE_MODE = "compare-single";
    public static final String POOL_MODE = "compare-pool";
    /** The mode name of the multi-process side when its workers are a cluster's. */
    public static final String CLUSTER_MODE = "compare-cluster";

    private final RunService service;
    private final RunService.Prepared prepared;

    public Comparer(RunService service, RunService.Prepared prepared) {
        this.service = service;
        this.prepared = prepared;
    }

    /**
     * One side of a comparison.
     *
     * @param runId the stored run
     * @param outcome how it ended
     * @param trials every trial result it stored
     */
    public record ModeRun(long runId, RunOutcome outcome, List<TrialResult> trials) {
        public boolean succeeded() {
            return outcome.status() == Status.SUCCEEDED;
        }
    }

    /** Creates a run in the store and runs every trial of the spec with the executor made for it. */
    public ModeRun run(String mode, int workers, Function<Workload, TrialExecutor> executors, RunListener listener) {
        long runId = service.createRun(prepared, mode, workers);
        listener.message("Run " + runId + " (" + mode + ", " + workers + (workers == 1 ? " worker)" : " workers)"));
        RunOutcome outcome = service.execute(runId, prepared, executors, listener);
        return new ModeRun(runId, outcome, service.store().trialResults(runId));
    }

    /**
     * The comparison of two finished runs, stored beside them; what {@code compare --json} prints
     * and what the Results view and the reports read.
     *
     * @param reference what N independent CPU-bound processes get here, or null when not measured
     * @param scaling points of the speedup curve, empty without one
     */
    public ComparisonResult record(ModeRun single, ModeRun pool, CpuReference reference,
                                   List<ComparisonResult.ScalingPoint> scaling) {
        ComparisonResult result = result(single, pool, reference, scaling);
        service.store().recordComparison(single.runId(), pool.runId(), result.toJson());
        return result;
    }

    ComparisonResult result(ModeRun single, ModeRun pool, CpuReference reference, List<ComparisonResult.ScalingPoint> scaling) {
        Map<String, TrialResult> poolByKey = new HashMap<>();
        pool.trials().forEach(t -> poolByKey.put(t.trial().key(), t));
        int differing = 0;
        Map<String, double[]> perPoint = new LinkedHashMap<>();
        Map<String, Trial> pointTrial = new HashMap<>();
        for (TrialResult s : single.trials()) {
            TrialResult m = poolByKey.get(s.trial().key());
            if (!sameMetrics(s, m)) {
                differing++;
            }
            String point = s.trial().model() + "/" + Baseline.label(s.trial().gridPoint());
            pointTrial.putIfAbsent(point, s.trial());
            double[] times = perPoint.computeIfAbsent(point, k -> new double[2]);
            times[0] += s.wallSeconds();
            times[1] += m == null ? Double.NaN : m.wallSeconds();
        }
        double speedup = single.outcome().wallSeconds() / pool.outcome().wallSeconds();
        Map<String, GridPointSummary> summaries = new HashMap<>();
        for (ModelSummary model : single.outcome().models()) {
            for (GridPointSummary p : model.points()) {
                summaries.put(model.model() + "/" + Baseline.label(p.gridPoint()), p);
            }
        }
        List<ComparisonResult.GridPointTiming> rows = new ArrayList<>();
        perPoint.forEach((key, times) -> {
            Trial trial = pointTrial.get(key);
            Baseline baseline = trial.baseline();
            GridPointSummary p = summaries.get(key);
            rows.add(new ComparisonResult.GridPointTiming(trial.model().toString(), baseline == null ? trial.gridPoint() : -1,
                    p == null ? Map.of() : p.params(), times[0], times[1], times[1] / times[0],
                    baseline == null ? null : baseline.key()));
        });
        return new ComparisonResult(prepared.spec().name(), prepared.plan().trialCount(), mode(single), mode(pool),
                speedup, speedup / pool.outcome().workers(), differing == 0, differing,
                reference == null ? null : ComparisonResult.Reference.of(reference),
                reference == null ? null : speedup / reference.speedup(), List.copyOf(scaling), rows);
    }

    /** Whether two results of one trial agree: accuracy, macro-F1 and confusion matrix, to the bit. */
    public static boolean sameMetrics(TrialResult s, TrialResult m) {
        return m != null && s.metrics() != null && m.metrics() != null
                && s.metrics().accuracy() == m.metrics().accuracy() && s.metrics().macroF1() == m.metrics().macroF1()
                && Arrays.deepEquals(s.metrics().confusion(), m.metrics().confusion());
    }

    private static ComparisonResult.ModeTimings mode(ModeRun mode) {
        var r = mode.outcome().resources();
        return new ComparisonResult.ModeTimings(mode.runId(), mode.outcome().workers(), mode.outcome().wallSeconds(),
                mode.trials().stream().mapToDouble(TrialResult::wallSeconds).sum(), r.peakRssBytes() >> 20,
                r.peakRssBytesByWorker().values().stream().mapToLong(Long::longValue).sum() >> 20,
                ComparisonResult.Resources.of(r));
    }
}
