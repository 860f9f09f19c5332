package io.kinefold.report;

import io.kinefold.data.ModelId;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.Metrics;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Provenance;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.Significance;
import io.kinefold.experiment.Stat;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

        ModelId pose = ModelId.pose();
        List<GridPointSummary> posePoints = new ArrayList<>();
        int[] units = {32, 64, 128};
        for (int g = 0; g < units.length; g++) {
            Map<String, Double> params = feedForward(units[g], 0.003 * (g + 1) / 3);
            posePoints.add(point(pose, g, params, trials, g == 1 ? 2 : -1, 3, 0.61 + 0.1 * g));
        }
        models.add(new ModelSummary(pose, List.of("squat", "push-up", "lunge"), 0.4 + 1e-9 / 3, posePoints, 2,
                new Significance(2, 1, 0.0412345, 2.3123, 0.0461, true)));

        ModelId start = ModelId.start("squat");
        List<GridPointSummary> startPoints = List.of(
                point(start, 0, feedForward(16, 0.01), trials, -1, 2, 0.8 + 1.0 / 7));
        models.add(new ModelSummary(start, List.of("other", "start"), 0.7142857142857143, startPoints, 0, null));

        ModelId rep = ModelId.rep("squat");
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
