package io.kinefold.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.SpecIo;
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
 * Both runs are ordinary stored runs; the comparison document is stored beside them. The command
 * line and the workbench run comparisons through this one class.
 */
public final class Comparer {
    /** Mode names the store keeps for the two runs. */
    public static final String SINGLE_MODE = "compare-single";
    public static final String POOL_MODE = "compare-pool";

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
     * The comparison document of two finished runs, stored beside them; what {@code compare
     * --json} prints and what the Results view and the HTML report read.
     *
     * @param reference what N independent CPU-bound processes get here, or null when not measured
     * @param scaling points of the speedup curve (from {@link #scalingPoint}), empty without one
     */
    public Map<String, Object> record(ModeRun single, ModeRun pool, CpuReference reference, List<Map<String, Object>> scaling) {
        Map<String, Object> document = document(single, pool, reference, scaling);
        try {
            service.store().recordComparison(single.runId(), pool.runId(), SpecIo.MAPPER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the comparison as JSON: " + e.getOriginalMessage(), e);
        }
        return document;
    }

    public static Map<String, Object> scalingPoint(int workers, double wallSeconds, double singleWallSeconds) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("workers", workers);
        p.put("wallSeconds", wallSeconds);
        p.put("speedup", singleWallSeconds / wallSeconds);
        p.put("efficiency", singleWallSeconds / wallSeconds / workers);
        return p;
    }

    Map<String, Object> document(ModeRun single, ModeRun pool, CpuReference reference, List<Map<String, Object>> scaling) {
        Map<String, TrialResult> poolByKey = new HashMap<>();
        pool.trials().forEach(t -> poolByKey.put(t.trial().key(), t));
        int differing = 0;
        Map<String, double[]> perPoint = new LinkedHashMap<>();
        for (TrialResult s : single.trials()) {
            TrialResult m = poolByKey.get(s.trial().key());
            if (!sameMetrics(s, m)) {
                differing++;
            }
            String point = s.trial().model() + "/g" + s.trial().gridPoint();
            double[] times = perPoint.computeIfAbsent(point, k -> new double[2]);
            times[0] += s.wallSeconds();
            times[1] += m == null ? Double.NaN : m.wallSeconds();
        }
        double speedup = single.outcome().wallSeconds() / pool.outcome().wallSeconds();
        int workers = pool.outcome().workers();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("spec", prepared.spec().name());
        root.put("trials", prepared.plan().trialCount());
        root.put("single", mode(single));
        root.put("multi", mode(pool));
        root.put("speedup", speedup);
        root.put("efficiency", speedup / workers);
        root.put("identicalMetrics", differing == 0);
        root.put("differingTrials", differing);
        if (reference != null) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("processes", reference.processes());
            ref.put("speedup", reference.speedup());
            ref.put("efficiency", reference.efficiency());
            ref.put("aloneSeconds", reference.aloneSeconds());
            ref.put("togetherSeconds", reference.togetherSeconds());
            root.put("reference", ref);
            root.put("speedupOfReference", speedup / reference.speedup());
        }
        if (!scaling.isEmpty()) {
            root.put("scaling", scaling);
        }
        Map<String, GridPointSummary> summaries = new HashMap<>();
        for (ModelSummary model : single.outcome().models()) {
            for (GridPointSummary p : model.points()) {
                summaries.put(model.model() + "/g" + p.gridPoint(), p);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        perPoint.forEach((key, times) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            GridPointSummary p = summaries.get(key);
            row.put("model", key.substring(0, key.lastIndexOf("/g")));
            row.put("gridPoint", Integer.parseInt(key.substring(key.lastIndexOf("/g") + 2)));
            row.put("hyperparameters", p == null ? Map.of() : p.params());
            row.put("singleSeconds", times[0]);
            row.put("multiSeconds", times[1]);
            row.put("multiOverSingle", times[1] / times[0]);
            rows.add(row);
        });
        root.put("perGridPoint", rows);
        return root;
    }

    private static boolean sameMetrics(TrialResult s, TrialResult m) {
        return m != null && s.metrics() != null && m.metrics() != null
                && s.metrics().accuracy() == m.metrics().accuracy() && s.metrics().macroF1() == m.metrics().macroF1()
                && Arrays.deepEquals(s.metrics().confusion(), m.metrics().confusion());
    }

    private static Map<String, Object> mode(ModeRun mode) {
        var r = mode.outcome().resources();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", mode.runId());
        m.put("workers", mode.outcome().workers());
        m.put("wallSeconds", mode.outcome().wallSeconds());
        m.put("trialSeconds", mode.trials().stream().mapToDouble(TrialResult::wallSeconds).sum());
        m.put("peakRssMb", r.peakRssBytes() >> 20);
        m.put("sumOfWorkerPeakRssMb", r.peakRssBytesByWorker().values().stream().mapToLong(Long::longValue).sum() >> 20);
        m.put("resources", r.asMap());
        return m;
    }
}
