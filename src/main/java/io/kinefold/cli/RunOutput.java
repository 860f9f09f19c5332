package io.kinefold.cli;

import io.kinefold.data.ModelId;
import io.kinefold.exec.RunOutcome;
import io.kinefold.experiment.Baseline;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Significance;
import io.kinefold.experiment.Stat;
import io.kinefold.kind.Kinds;
import io.kinefold.model.ParamDef;
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
        if (!outcome.nodes().isEmpty()) {
            root.put("nodes", outcome.nodes());
        }
        root.put("resources", outcome.resources().asMap());
        root.put("trainSeconds", trainSeconds(outcome.models()));
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
            Map<String, Object> baselines = new LinkedHashMap<>();
            m.baselines().forEach((b, p) -> baselines.put(b.key(), point(p)));
            model.put("baselines", baselines);
            model.put("bestBaseline", m.bestBaseline() == null ? null : m.bestBaseline().key());
            model.put("versusBaseline", m.versusBaseline());
            model.put("notBetterThan", m.notBetterThan() == null ? null : m.notBetterThan().key());
            model.put("flag", m.flag());
            models.add(model);
        }
        root.put("models", models);
        return root;
    }

    /** Training time summed over the trials done, networks apart from baselines. */
    private static Map<String, Object> trainSeconds(List<ModelSummary> models) {
        double networks = 0, baselines = 0;
        for (ModelSummary m : models) {
            networks += m.points().stream().filter(p -> p.folds() > 0).mapToDouble(GridPointSummary::totalTrainSeconds).sum();
            baselines += m.baselines().values().stream().filter(p -> p.folds() > 0).mapToDouble(GridPointSummary::totalTrainSeconds).sum();
        }
        Map<String, Object> seconds = new LinkedHashMap<>();
        seconds.put("networks", networks);
        seconds.put("baselines", baselines);
        return seconds;
    }

    private static Map<String, Object> point(GridPointSummary p) {
        Map<String, Object> point = new LinkedHashMap<>();
        Baseline baseline = Baseline.ofGridPoint(p.gridPoint());
        if (baseline != null) {
            point.put("baseline", baseline.key());
        } else {
            point.put("gridPoint", p.gridPoint());
        }
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
        err.printf("%n  %-22s %-44s %16s %16s %16s%n", "model", "best grid point", "accuracy", "macro-F1", "best baseline");
        for (ModelSummary m : outcome.models()) {
            GridPointSummary b = m.bestPoint();
            if (b == null) {
                err.printf("  %-22s %s%n", m.model(), "no successful fold");
                continue;
            }
            Baseline baseline = m.bestBaseline();
            String bar = baseline == null ? "—"
                    : String.format(Locale.ROOT, "%s %.3f", baseline.key(), m.baselines().get(baseline).accuracy().mean());
            err.printf(Locale.ROOT, "  %-22s %-44s %7.3f ± %6.3f %7.3f ± %6.3f %16s%n", m.model(), "g" + b.gridPoint() + " " + compact(m.model(), b.params()),
                    b.accuracy().mean(), b.accuracy().sd(), b.macroF1().mean(), b.macroF1().sd(), bar);
            significance(err, m.significance());
            significance(err, m.versusBaseline());
            if (m.flag() != null) {
                err.printf("  %-22s ! %s%n", "", m.flag());
            }
        }
        err.flush();
    }

    private static void significance(PrintWriter err, Significance s) {
        if (s != null && !Double.isNaN(s.p())) {
            Baseline b = Baseline.ofGridPoint(s.runnerUp());
            err.printf(Locale.ROOT, "  %-22s vs %s: Δacc %+.3f, corrected t %.2f, p %.3f%s%n", "",
                    b == null ? "g" + s.runnerUp() : b.title(), s.meanDifference(), s.t(), s.p(), s.significant() ? " (significant)" : "");
        }
    }

    /** E.g. {@code units=32 centring=hip}: a choice by its name. */
    static String compact(ModelId model, Map<String, Double> params) {
        Map<String, ParamDef> defs = new LinkedHashMap<>();
        Kinds.find(model.kind()).ifPresent(k -> k.params().forEach(d -> defs.put(d.name(), d)));
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=')
                .append(defs.containsKey(k) && defs.get(k).hasChoices() ? defs.get(k).text(v)
                        : v == Math.rint(v) ? Long.toString(v.longValue()) : v.toString()));
        return b.toString();
    }
}
