package io.kinefold.cli;

import io.kinefold.exec.RunOutcome;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Significance;
import io.kinefold.experiment.Stat;
import io.kinefold.monitor.ResourceSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON document and the human table of a finished run. */
final class RunOutput {
    private RunOutput() {}

    static Map<String, Object> json(RunOutcome outcome) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("runId", outcome.runId());
        root.put("status", outcome.status());
        root.put("trials", outcome.trials());
        root.put("trialsRunNow", outcome.ranNow());
        root.put("failedTrials", outcome.failed());
        root.put("wallSeconds", outcome.wallSeconds());
        root.put("workers", outcome.workers());
        root.put("workerChoice", outcome.workerChoice());
        root.put("resources", outcome.resources().asMap());
        List<Object> models = new ArrayList<>();
        for (ModelSummary m : outcome.models()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("model", m.model().toString());
            model.put("classes", m.classes());
            model.put("majorityRate", m.majorityRate());
            List<Object> points = new ArrayList<>();
            for (GridPointSummary p : m.points()) {
                points.add(point(p));
            }
            model.put("gridPoints", points);
            model.put("best", m.bestPoint() == null ? null : point(m.bestPoint()));
            model.put("significance", m.significance());
            models.add(model);
        }
        root.put("models", models);
        return root;
    }

    private static Map<String, Object> point(GridPointSummary p) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("gridPoint", p.gridPoint());
        point.put("hyperparameters", p.params());
        point.put("accuracy", stat(p.accuracy()));
        point.put("macroF1", stat(p.macroF1()));
        point.put("meanTrainSeconds", p.meanTrainSeconds());
        point.put("folds", p.folds());
        point.put("failedFolds", p.failedFolds());
        return point;
    }

    private static Map<String, Object> stat(Stat s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", s.mean());
        m.put("sd", s.sd());
        return m;
    }

    static void human(RunOutcome outcome, PrintWriter err) {
        err.printf(Locale.ROOT, "%nRun %d %s: %d trials (%d now, %d failed) in %s on %d worker%s%n", outcome.runId(),
                outcome.status().name().toLowerCase(Locale.ROOT), outcome.trials(), outcome.ranNow(), outcome.failed(),
                ConsoleProgress.duration(outcome.wallSeconds()), outcome.workers(), outcome.workers() == 1 ? "" : "s");
        ResourceSummary r = outcome.resources();
        err.printf(Locale.ROOT, "Monitor: %d samples (%.1f ms each), machine CPU mean %.0f %%, peak %.0f %%, memory peak %d MB of %d MB, "
                        + "peak RSS per worker %s MB%n", r.samples(), r.meanSampleMillis(), 100 * r.meanCpu(), 100 * r.peakCpu(),
                r.peakMemUsedBytes() >> 20, r.memTotalBytes() >> 20, r.asMap().get("peakRssMbByWorker"));
        err.printf("%n  %-22s %-44s %16s %16s %8s%n", "model", "best grid point", "accuracy", "macro-F1", "majority");
        for (ModelSummary m : outcome.models()) {
            GridPointSummary b = m.bestPoint();
            if (b == null) {
                err.printf("  %-22s %s%n", m.model(), "no successful fold");
                continue;
            }
            err.printf(Locale.ROOT, "  %-22s %-44s %7.3f ± %6.3f %7.3f ± %6.3f %8.3f%n", m.model(), "g" + b.gridPoint() + " " + compact(b.params()),
                    b.accuracy().mean(), b.accuracy().sd(), b.macroF1().mean(), b.macroF1().sd(), m.majorityRate());
            Significance s = m.significance();
            if (s != null && !Double.isNaN(s.p())) {
                err.printf(Locale.ROOT, "  %-22s vs g%d: Δacc %+.3f, corrected t %.2f, p %.3f%s%n", "", s.runnerUp(),
                        s.meanDifference(), s.t(), s.p(), s.significant() ? " (significant)" : "");
            }
        }
        err.flush();
    }

    static String compact(Map<String, Double> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=')
                .append(v == Math.rint(v) ? Long.toString(v.longValue()) : v.toString()));
        return b.toString();
    }
}
