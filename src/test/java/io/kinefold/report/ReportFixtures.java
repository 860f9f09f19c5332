package io.kinefold.report;

import io.kinefold.exec.ComparisonResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinefold.data.ModelId;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Provenance;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.Significance;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Stat;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.kind.PoseKind;
import io.kinefold.kind.RepKind;
import io.kinefold.kind.StartKind;
import io.kinefold.model.Metrics;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.ResourceSummary;
import io.kinefold.monitor.WorkerSample;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small run made by hand: {@code pose} with three grid points and one failed fold,
 * {@code start:squat} with a single grid point (no significance test), and {@code rep:squat}
 * whose every fold failed (no best). Values are deliberately not round, so a format that rounds
 * them cannot pass for exact, and the experiment name holds characters every format must escape.
 */
final class ReportFixtures {
    static final String NAME = "legs_&_arms 100% #1 $5 <b>bold</b>";
    static final int FOLDS = 3;

    private ReportFixtures() {}

    static RunReport report() {
        List<TrialResult> trials = new ArrayList<>();
        List<ModelSummary> models = new ArrayList<>();

        ModelId pose = PoseKind.id();
        List<GridPointSummary> posePoints = new ArrayList<>();
        int[] units = {32, 64, 128};
        for (int g = 0; g < units.length; g++) {
            Map<String, Double> params = feedForward(units[g], 0.003 * (g + 1) / 3);
            posePoints.add(point(pose, g, params, trials, g == 1 ? 2 : -1, 3, 0.61 + 0.1 * g));
        }
        models.add(new ModelSummary(pose, List.of("squat", "push-up", "lunge"), 0.4 + 1e-9 / 3, posePoints, 2,
                new Significance(2, 1, 0.0412345, 2.3123, 0.0461, true)));

        ModelId start = StartKind.id("squat");
        List<GridPointSummary> startPoints = List.of(
                point(start, 0, feedForward(16, 0.01), trials, -1, 2, 0.8 + 1.0 / 7));
        models.add(new ModelSummary(start, List.of("other", "start"), 0.7142857142857143, startPoints, 0, null));

        ModelId rep = RepKind.id("squat");
        List<GridPointSummary> repPoints = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            repPoints.add(allFailed(rep, g, recurrent(16 << g), trials));
        }
        models.add(new ModelSummary(rep, List.of("incorrect", "correct"), 0.55, repPoints, -1, null));

        ExperimentSpec spec = new ExperimentSpec(ExperimentSpec.FORMAT, NAME, "datasets/demo", FOLDS, 7, null, List.of(
                new ModelGrid("pose", Map.of("units", List.of(32.0, 64.0, 128.0))),
                new ModelGrid("start:squat", Map.of("units", List.of(16.0))),
                new ModelGrid("rep:squat", Map.of("lstmUnits", List.of(16.0, 32.0)))));
        RunInfo run = new RunInfo(12, 3, NAME, "pool", 6, Status.SUCCEEDED, "datasets/demo",
                Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:06:12Z"), 372.25, 24,
                trials.size());
        Provenance provenance = new Provenance("0.1.0", "17.0.15 (Debian)", "1.0.0-M2.1", "Linux 6.1 amd64",
                "AMD Ryzen 5 2600 Six-Core Processor", 12, 16L << 30, "sha256:0123abcd");
        return new RunReport(run, spec, provenance, models, trials);
    }

    /** The same report with a model whose exercise name needs CSV quoting. */
    static RunReport withModel(ModelId model) {
        RunReport base = report();
        List<TrialResult> trials = new ArrayList<>(base.trials());
        List<ModelSummary> models = new ArrayList<>(base.models());
        models.add(new ModelSummary(model, List.of("no", "yes"), 0.5,
                List.of(point(model, 0, feedForward(8, 0.1), trials, -1, 2, 0.75)), 0, null));
        return new RunReport(base.run(), base.spec(), base.provenance(), models, trials);
    }

    /** 2025-03-01T10:00:00Z, when the fixture's runs start. */
    static final long T0 = 1_740_823_200_000L;
    static final long MIB = 1024 * 1024;
    static final int CORES = 12;
    /** The fixture's run as the pool half of a comparison: run 12 with two workers. */
    static final int POOL_WORKERS = 2;

    /** The report of run 12 as the pool half of a comparison with run 11. */
    static RunReport comparedReport() {
        RunReport base = report();
        RunInfo r = base.run();
        RunInfo run = new RunInfo(r.id(), r.experimentId(), r.experimentName(), "compare-pool", POOL_WORKERS, r.status(),
                r.dataset(), r.started(), r.finished(), 29.0, r.trialsTotal(), r.trialsDone());
        return new RunReport(run, base.spec(), base.provenance(), base.models(), base.trials());
    }

    /** Thirty samples of the pool run and the comparison it took part in. */
    static ReportExtras extras() {
        return new ReportExtras(poolSamples(), comparison());
    }

    static Comparison comparison() {
        return new Comparison(ComparisonResult.fromJson(comparisonJson()), singleSamples(), poolSamples());
    }

    static List<ResourceSample> singleSamples() {
        return samples(1, 52);
    }

    static List<ResourceSample> poolSamples() {
        return samples(POOL_WORKERS, 30);
    }

    /**
     * About one sample a second on a 12-core machine with 16 GiB. Worker {@code wk} starts at
     * sample k - 1, has no CPU figure at its first sample (the monitor needs two ticks), and w1 is
     * recycled halfway: absent at one sample, back with a fresh RSS after.
     */
    static List<ResourceSample> samples(int workers, int count) {
        List<ResourceSample> samples = new ArrayList<>();
        int recycled = count / 2;
        for (int i = 0; i < count; i++) {
            Map<String, WorkerSample> present = new TreeMap<>();
            double busy = 0;
            long rssTotal = 0;
            for (int k = 1; k <= workers; k++) {
                int from = k == 1 && i > recycled ? recycled + 1 : k - 1;
                if (i < from || (k == 1 && i == recycled)) {
                    continue;
                }
                double cpu = i == from ? Double.NaN : Math.min(1.0, 0.86 + 0.12 * Math.sin(0.7 * i + k));
                long rss = (240 + 9L * Math.min(i - from, 20) + 13L * k) * MIB;
                present.put("w" + k, new WorkerSample(4000 + 10L * k + (i > recycled ? 1 : 0), cpu, rss));
                busy += Double.isNaN(cpu) ? 0.3 : cpu;
                rssTotal += rss;
            }
            double[] cores = new double[CORES];
            for (int c = 0; c < CORES; c++) {
                cores[c] = c < workers ? Math.min(1, busy / workers + 0.02) : 0.03 + 0.01 * ((i + c) % 4);
            }
            double total = (busy + 0.36 + 0.04 * ((i * 7) % 5)) / CORES;
            samples.add(new ResourceSample(T0 + 1000L * i + (i * 37) % 60, total, cores, 3_100 * MIB + rssTotal,
                    16_384 * MIB, 0, present));
        }
        return samples;
    }

    /** As {@code kinefold compare} stores it, for this fixture's grid; the spec name needs escaping. */
    static JsonNode comparisonJson() {
        String json = """
                {"trials": 24,
                 "single": {"runId": 11, "workers": 1, "wallSeconds": 51.0, "trialSeconds": 46.3},
                 "multi": {"runId": 12, "workers": 2, "wallSeconds": 29.0, "trialSeconds": 49.8},
                 "speedup": 1.7586206896551724, "efficiency": 0.8793103448275862,
                 "identicalMetrics": true, "differingTrials": 0,
                 "reference": {"processes": 2, "speedup": 1.95, "efficiency": 0.975, "aloneSeconds": 2.1,
                               "togetherSeconds": 2.1538},
                 "speedupOfReference": 0.9018567639257958,
                 "scaling": [{"workers": 1, "wallSeconds": 51.0, "speedup": 1.0, "efficiency": 1.0},
                             {"workers": 2, "wallSeconds": 29.0, "speedup": 1.7586206896551724,
                              "efficiency": 0.8793103448275862}],
                 "perGridPoint": [
                   {"model": "pose", "gridPoint": 0, "hyperparameters": {"units": 32.0},
                    "singleSeconds": 6.4, "multiSeconds": 6.8, "multiOverSingle": 1.0625},
                   {"model": "pose", "gridPoint": 1, "hyperparameters": {"units": 64.0},
                    "singleSeconds": 9.5, "multiSeconds": 10.1, "multiOverSingle": 1.0631578947368421},
                   {"model": "pose", "gridPoint": 2, "hyperparameters": {"units": 128.0},
                    "singleSeconds": 12.7, "multiSeconds": 13.9, "multiOverSingle": 1.094488188976378},
                   {"model": "start:squat", "gridPoint": 0, "hyperparameters": {"units": 16.0},
                    "singleSeconds": 6.2, "multiSeconds": 6.5, "multiOverSingle": 1.0483870967741935},
                   {"model": "rep:squat", "gridPoint": 0, "hyperparameters": {"lstmUnits": 16.0},
                    "singleSeconds": 3.3, "multiSeconds": 3.4, "multiOverSingle": 1.0303030303030303},
                   {"model": "rep:squat", "gridPoint": 1, "hyperparameters": {"lstmUnits": 32.0},
                    "singleSeconds": 8.2, "multiSeconds": 9.1, "multiOverSingle": 1.1097560975609757}]}
                """;
        try {
            ObjectNode root = (ObjectNode) SpecIo.MAPPER.readTree(json);
            root.put("spec", NAME);
            monitored((ObjectNode) root.get("single"), singleSamples());
            monitored((ObjectNode) root.get("multi"), poolSamples());
            return root;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds what {@code kinefold compare} writes about a mode's memory and its monitor, from the samples. */
    private static void monitored(ObjectNode mode, List<ResourceSample> samples) {
        ResourceSummary r = ResourceSummary.of(samples, 4.2);
        long peak = r.peakRssBytesByWorker().values().stream().mapToLong(Long::longValue).max().orElse(0);
        mode.put("peakRssMb", peak >> 20);
        mode.put("sumOfWorkerPeakRssMb", r.peakRssBytesByWorker().values().stream().mapToLong(Long::longValue).sum() >> 20);
        ObjectNode resources = mode.putObject("resources");
        resources.put("samples", r.samples());
        resources.put("meanMachineCpu", r.meanCpu());
        resources.put("peakMachineCpu", r.peakCpu());
        resources.put("peakMemUsedMb", r.peakMemUsedBytes() >> 20);
        resources.put("memTotalMb", r.memTotalBytes() >> 20);
        ObjectNode peaks = resources.putObject("peakRssMbByWorker");
        r.peakRssBytesByWorker().forEach((w, b) -> peaks.put(w, b >> 20));
        resources.put("peakRssMb", peak >> 20);
        resources.put("meanSampleMillis", r.meanSampleMillis());
    }

    static Map<String, Double> feedForward(int units, double learningRate) {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("hiddenLayers", 2.0);
        p.put("units", (double) units);
        p.put("batchSize", 64.0);
        p.put("learningRate", learningRate);
        p.put("epochs", 20.0);
        p.put("dropout", 0.1);
        return p;
    }

    static Map<String, Double> recurrent(int lstmUnits) {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("lstmLayers", 1.0);
        p.put("lstmUnits", (double) lstmUnits);
        p.put("sequenceLength", 32.0);
        p.put("batchSize", 16.0);
        p.put("learningRate", 0.005);
        p.put("epochs", 30.0);
        return p;
    }

    /** Runs FOLDS trials of one grid point, failing {@code failedFold} (or none for -1), and sums them up. */
    private static GridPointSummary point(ModelId model, int g, Map<String, Double> params, List<TrialResult> trials,
                                          int failedFold, int classes, double base) {
        List<Double> accuracy = new ArrayList<>();
        List<Double> macroF1 = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        int[][] confusion = new int[classes][classes];
        for (int f = 0; f < FOLDS; f++) {
            Trial trial = new Trial(model, g, params, f);
            if (f == failedFold) {
                trials.add(TrialResult.failed(trial, "worker w2 died (exit 137) <killed>, \"out of memory\"", "w2", 4.5));
                continue;
            }
            int[][] c = new int[classes][classes];
            for (int a = 0; a < classes; a++) {
                for (int p = 0; p < classes; p++) {
                    c[a][p] = a == p ? 20 + 3 * g + f + a : (a + p + f) % 3;
                    confusion[a][p] += c[a][p];
                }
            }
            double acc = base + 0.013 * f + 1.0 / 3e4;
            double f1 = acc - 0.0217 - f / 1e3;
            double train = 1.5 + g + f * 0.37;
            accuracy.add(acc);
            macroF1.add(f1);
            seconds.add(train);
            trials.add(TrialResult.succeeded(trial, new Metrics(acc, f1, c, train, 20 - f, 300, 100),
                    "w" + (f % 2 + 1), train + 0.4));
        }
        double total = seconds.stream().mapToDouble(Double::doubleValue).sum();
        return new GridPointSummary(model, g, params, Stat.of(array(accuracy)), Stat.of(array(macroF1)),
                total / seconds.size(), total, seconds.size(), FOLDS - seconds.size(), confusion);
    }

    private static GridPointSummary allFailed(ModelId model, int g, Map<String, Double> params, List<TrialResult> trials) {
        for (int f = 0; f < FOLDS; f++) {
            trials.add(TrialResult.failed(new Trial(model, g, params, f), "NaN loss at epoch 3", "main", 0.8));
        }
        return new GridPointSummary(model, g, params, Stat.of(new double[0]), Stat.of(new double[0]), Double.NaN, 0,
                0, FOLDS, null);
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
