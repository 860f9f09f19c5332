package io.kinefold.experiment;

import io.kinefold.data.ModelId;
import io.kinefold.model.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Aggregates trial results into per-model summaries: mean and sd over folds per grid point and
 * per baseline, the best grid point, and whether it beats the runner-up and the best baseline
 * significantly.
 */
public final class Results {
    private Results() {}

    public static List<ModelSummary> summarize(Plan plan, Workload workload, List<TrialResult> results) {
        return summarize(plan, ModelFacts.of(plan, workload), results);
    }

    /** As above, with the classes and majority rates stored with the run instead of its dataset. */
    public static List<ModelSummary> summarize(Plan plan, List<ModelFacts> facts, List<TrialResult> results) {
        Map<ModelId, ModelFacts> factsById = new HashMap<>();
        facts.forEach(f -> factsById.put(f.model(), f));
        Map<String, TrialResult> byKey = new HashMap<>();
        for (TrialResult r : results) {
            byKey.put(r.trial().key(), r);
        }
        List<ModelSummary> summaries = new ArrayList<>();
        for (ModelPlan m : plan.models()) {
            ModelFacts fact = factsById.get(m.model());
            if (fact == null) {
                throw new IllegalArgumentException("no classes known for " + m.model());
            }
            List<String> classes = fact.classes();
            List<GridPointSummary> points = new ArrayList<>();
            List<double[]> foldAccuracies = new ArrayList<>();
            List<double[]> foldSizes = new ArrayList<>();
            for (int g = 0; g < m.points().size(); g++) {
                Folded folded = fold(plan, m.model(), g, m.points().get(g).values(), classes.size(), byKey);
                points.add(folded.summary());
                foldAccuracies.add(folded.accuracies());
                foldSizes.add(folded.testOverTrain());
            }
            int best = rank(points, -1);
            int runnerUp = best < 0 ? -1 : rank(points, best);
            Significance significance = runnerUp < 0 ? null
                    : correctedTTest(best, runnerUp, foldAccuracies.get(best), foldAccuracies.get(runnerUp), foldSizes.get(best));
            Map<Baseline, GridPointSummary> baselines = new EnumMap<>(Baseline.class);
            Map<Baseline, double[]> baselineAccuracies = new EnumMap<>(Baseline.class);
            for (Baseline b : Baseline.values()) {
                Map<String, Double> params = m.points().isEmpty() ? Map.of() : m.points().get(0).values();
                Folded folded = fold(plan, m.model(), b.gridPoint(), params, classes.size(), byKey);
                if (folded.summary().folds() + folded.summary().failedFolds() > 0) {
                    baselines.put(b, folded.summary());
                    baselineAccuracies.put(b, folded.accuracies());
                }
            }
            ModelSummary summary = new ModelSummary(m.model(), classes, fact.majorityRate(), points, best, significance,
                    baselines, null);
            Baseline bestBaseline = summary.bestBaseline();
            if (best >= 0 && bestBaseline != null) {
                Significance versus = correctedTTest(best, bestBaseline.gridPoint(), foldAccuracies.get(best),
                        baselineAccuracies.get(bestBaseline), foldSizes.get(best));
                summary = new ModelSummary(m.model(), classes, fact.majorityRate(), points, best, significance, baselines, versus);
            }
            summaries.add(summary);
        }
        return summaries;
    }

    /** A grid point (or baseline) over its folds, with each fold's accuracy and test/train size ratio. */
    private record Folded(GridPointSummary summary, double[] accuracies, double[] testOverTrain) {}

    private static Folded fold(Plan plan, ModelId model, int gridPoint, Map<String, Double> params, int classCount,
                               Map<String, TrialResult> byKey) {
        int folds = plan.spec().folds();
        double[] acc = new double[folds];
        double[] sizes = new double[folds];
        Arrays.fill(acc, Double.NaN);
        List<Double> accuracies = new ArrayList<>(), f1s = new ArrayList<>(), times = new ArrayList<>();
        int failed = 0;
        int[][] confusion = new int[classCount][classCount];
        for (int f = 0; f < folds; f++) {
            TrialResult r = byKey.get(new Trial(model, gridPoint, params, f).key());
            if (r == null) {
                continue;
            }
            if (r.status() != Status.SUCCEEDED) {
                failed++;
                continue;
            }
            Metrics x = r.metrics();
            accuracies.add(x.accuracy());
            f1s.add(x.macroF1());
            times.add(x.trainSeconds());
            acc[f] = x.accuracy();
            sizes[f] = (double) x.testSamples() / Math.max(1, x.trainSamples());
            for (int a = 0; a < confusion.length && a < x.confusion().length; a++) {
                for (int p = 0; p < confusion.length && p < x.confusion()[a].length; p++) {
                    confusion[a][p] += x.confusion()[a][p];
                }
            }
        }
        double total = times.stream().mapToDouble(Double::doubleValue).sum();
        GridPointSummary summary = new GridPointSummary(model, gridPoint, params, Stat.of(unbox(accuracies)), Stat.of(unbox(f1s)),
                times.isEmpty() ? Double.NaN : total / times.size(), total, accuracies.size(), failed, confusion);
        return new Folded(summary, acc, sizes);
    }

    /** Index of the grid point with the highest mean accuracy (then macro-F1), skipping {@code except}. */
    private static int rank(List<GridPointSummary> points, int except) {
        int best = -1;
        for (int g = 0; g < points.size(); g++) {
            GridPointSummary p = points.get(g);
            if (g == except || p.folds() == 0) {
                continue;
            }
            if (best < 0) {
                best = g;
                continue;
            }
            GridPointSummary b = points.get(best);
            int c = Double.compare(p.accuracy().mean(), b.accuracy().mean());
            if (c > 0 || (c == 0 && p.macroF1().mean() > b.macroF1().mean())) {
                best = g;
            }
        }
        return best;
    }

    /**
     * Nadeau and Bengio's corrected resampled t-test: the variance of the fold differences is
     * inflated by {@code n_test / n_train}, because training sets of different folds overlap and
     * the plain t-test would call far too many differences significant.
     */
    static Significance correctedTTest(int best, int runnerUp, double[] a, double[] b, double[] testOverTrain) {
        List<Double> diffs = new ArrayList<>();
        double ratio = 0;
        for (int f = 0; f < a.length; f++) {
            if (!Double.isNaN(a[f]) && !Double.isNaN(b[f])) {
                diffs.add(a[f] - b[f]);
                ratio += testOverTrain[f];
            }
        }
        int k = diffs.size();
        if (k < 2) {
            return new Significance(best, runnerUp, k == 1 ? diffs.get(0) : Double.NaN, Double.NaN, Double.NaN, false);
        }
        ratio /= k;
        Stat s = Stat.of(unbox(diffs));
        double variance = s.sd() * s.sd();
        double t;
        double p;
        if (variance == 0) {
            t = s.mean() == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, s.mean());
            p = s.mean() == 0 ? 1 : 0;
        } else {
            t = s.mean() / Math.sqrt((1.0 / k + ratio) * variance);
            p = 2 * (1 - new TDistribution(null, k - 1).cumulativeProbability(Math.abs(t)));
        }
        return new Significance(best, runnerUp, s.mean(), t, p, p < 0.05);
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
