package io.kinefold.report;

import io.kinefold.experiment.Baseline;
import io.kinefold.experiment.EarlyStopping;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.Stat;
import io.kinefold.experiment.Status;
import io.kinefold.monitor.ResourceSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Two or more stored runs side by side, as History's "Compare selected" shows them: where their
 * specs differ, per model the best grid point and the baselines of each, their timings with the
 * speedup over the first run, and the machine's CPU and memory of each on one time axis measured
 * from each run's start. Built here, from {@link RunReport}s and stored samples, so that it is
 * tested without a window and the view only lays it out. Every text is worded once, here.
 *
 * @param runs the runs in the order they were given; the first is the reference of the speedups
 * @param differences the spec rows whose values are not all the same, one value per run; empty when the specs agree
 * @param models every model of any run, in the order the runs first name them
 * @param timings wall time, workers and speedup of each run
 * @param resources each run's machine samples, in run order
 */
public record RunsComparison(List<RunColumn> runs, List<Row> differences, List<ModelComparison> models,
                             List<Timing> timings, List<ResourceSeries> resources) {
    public RunsComparison {
        runs = List.copyOf(runs);
        differences = List.copyOf(differences);
        models = List.copyOf(models);
        timings = List.copyOf(timings);
        resources = List.copyOf(resources);
    }

    /**
     * One run's heading.
     *
     * @param runId the run
     * @param title e.g. {@code Run 12 · quick}
     * @param partial whether it stopped before every trial was done (cancelled, failed, or still running):
     *     its bests are over the trials it did
     */
    public record RunColumn(long runId, String title, boolean partial) {}

    /** A labelled row with one value per run, already in words. */
    public record Row(String label, List<String> values) {
        public Row {
            values = List.copyOf(values);
        }

        boolean differs() {
            return values.stream().distinct().count() > 1;
        }
    }

    /**
     * One model in every run.
     *
     * @param model e.g. {@code start:squat}
     * @param cells one per run; {@link ModelCell#ABSENT} where the run has no such model
     */
    public record ModelComparison(String model, List<ModelCell> cells) {
        public ModelComparison {
            cells = List.copyOf(cells);
        }

        /** The model's rows in words: best grid point, its accuracy, each baseline, the verdict. */
        public List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            rows.add(new Row("best grid point", texts(ModelCell::bestPointText)));
            rows.add(new Row("accuracy (mean ± sd)", texts(c -> ReportText.meanSd(c.accuracy()))));
            for (Baseline baseline : Baseline.values()) {
                if (cells.stream().anyMatch(c -> c.baselines().containsKey(baseline))) {
                    rows.add(new Row(baseline.title(), texts(c -> ReportText.meanSd(c.baselines().get(baseline)))));
                }
            }
            rows.add(new Row("verdict", texts(ModelCell::verdict)));
            return rows;
        }

        private List<String> texts(Function<ModelCell, String> text) {
            return cells.stream().map(c -> c == ModelCell.ABSENT ? ReportText.MISSING : text.apply(c)).toList();
        }
    }

    /**
     * One model of one run.
     *
     * @param bestParams the best grid point's hyperparameters, empty without a best
     * @param accuracy the best grid point's accuracy over folds, null without a best
     * @param baselines each baseline's accuracy over folds
     * @param bestBaseline the best baseline, or null
     * @param flag e.g. {@code not better than nearest neighbour}, or null
     */
    public record ModelCell(Map<String, Double> bestParams, Stat accuracy, Map<Baseline, Stat> baselines,
                            Baseline bestBaseline, String flag) {
        /** The cell of a run that has no such model. */
        public static final ModelCell ABSENT = new ModelCell(Map.of(), null, Map.of(), null, null);

        /** The model's cell, its best point named by the hyperparameters its grid lists (all of them without a list). */
        static ModelCell of(ModelSummary m, Set<String> listed) {
            GridPointSummary best = m.bestPoint();
            Map<Baseline, Stat> baselines = new LinkedHashMap<>();
            m.baselines().forEach((b, s) -> {
                if (s.folds() > 0) {
                    baselines.put(b, s.accuracy());
                }
            });
            Map<String, Double> params = new LinkedHashMap<>();
            if (best != null) {
                best.params().forEach((name, value) -> {
                    if (listed.isEmpty() || listed.contains(name)) {
                        params.put(name, value);
                    }
                });
            }
            return new ModelCell(params, best == null ? null : best.accuracy(),
                    baselines, m.bestBaseline(), m.flag());
        }

        String bestPointText() {
            if (accuracy == null) {
                return "none succeeded";
            }
            if (bestParams.isEmpty()) {
                return "the only point";
            }
            List<String> parts = new ArrayList<>();
            bestParams.forEach((name, value) -> parts.add(name + " " + ReportText.paramText(name, value)));
            return String.join(", ", parts);
        }

        String verdict() {
            if (accuracy == null) {
                return ReportText.MISSING;
            }
            if (flag != null) {
                return "⚠ " + flag;
            }
            return bestBaseline == null ? "no baseline" : "better than " + bestBaseline.title();
        }
    }

    /**
     * One run's timing.
     *
     * @param wallSeconds wall time over its sessions
     * @param speedup the first run's wall time over this one's: above 1 when this run was faster; NaN without times
     */
    public record Timing(long runId, String mode, int workers, double wallSeconds, double speedup) {}

    /**
     * One run's machine samples on a time axis that starts at the run's start.
     *
     * @param seconds since the run started, ascending
     * @param cpuPercent the machine's CPU load, 0..100
     * @param memUsedMb the machine's memory in use, MiB
     */
    public record ResourceSeries(long runId, double[] seconds, double[] cpuPercent, double[] memUsedMb) {
        public int size() {
            return seconds.length;
        }

        // The record's own equals would compare the arrays by identity.
        @Override
        public boolean equals(Object o) {
            return o instanceof ResourceSeries s && runId == s.runId && java.util.Arrays.equals(seconds, s.seconds)
                    && java.util.Arrays.equals(cpuPercent, s.cpuPercent) && java.util.Arrays.equals(memUsedMb, s.memUsedMb);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, java.util.Arrays.hashCode(seconds), java.util.Arrays.hashCode(cpuPercent),
                    java.util.Arrays.hashCode(memUsedMb));
        }

        @Override
        public String toString() {
            return "ResourceSeries[runId=" + runId + ", " + seconds.length + " samples]";
        }
    }

    /**
     * The runs side by side.
     *
     * @param reports two or more runs' reports, the reference of the speedups first
     * @param samples each run's resource samples by run id, in any order; a run without any has an empty series
     * @throws IllegalArgumentException with fewer than two reports
     */
    public static RunsComparison of(List<RunReport> reports, Map<Long, List<ResourceSample>> samples) {
        if (reports.size() < 2) {
            throw new IllegalArgumentException("a comparison needs two runs or more, got " + reports.size());
        }
        List<RunColumn> runs = reports.stream().map(r -> new RunColumn(r.run().id(),
                "Run " + r.run().id() + " · " + r.spec().name(), partial(r.run()))).toList();
        return new RunsComparison(runs, differences(reports), models(reports), timings(reports),
                reports.stream().map(r -> series(r.run(), samples.getOrDefault(r.run().id(), List.of()))).toList());
    }

    /** Whether the run stopped before it did every trial, so that its figures are over part of the grid. */
    public static boolean partial(RunInfo run) {
        return run.status() != Status.SUCCEEDED || run.trialsDone() < run.trialsTotal();
    }

    /** The timings as rows in words: status, mode, workers, wall time, speedup over the first run. */
    public List<Row> timingRows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("mode", timings.stream().map(Timing::mode).toList()));
        rows.add(new Row("workers", timings.stream().map(t -> Integer.toString(t.workers())).toList()));
        rows.add(new Row("wall time", timings.stream().map(t -> ReportText.seconds(t.wallSeconds())).toList()));
        rows.add(new Row("speedup over run " + runs.get(0).runId(),
                timings.stream().map(t -> ReportText.times(t.speedup())).toList()));
        return rows;
    }

    private static List<Row> differences(List<RunReport> reports) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("spec", reports, r -> r.spec().name()));
        rows.add(row("dataset", reports, r -> r.run().dataset() != null ? r.run().dataset() : r.spec().dataset()));
        rows.add(row("folds", reports, r -> Integer.toString(r.spec().folds())));
        rows.add(row("seed", reports, r -> Long.toString(r.spec().seed())));
        rows.add(row("early stopping", reports, r -> earlyStopping(r.spec().earlyStopping())));
        rows.add(row("models", reports, r -> String.join(", ", r.spec().models().stream().map(ModelGrid::model).toList())));
        rows.add(row("grid points", reports, r -> Integer.toString(gridPoints(r.spec()))));
        Set<String> models = new LinkedHashSet<>();
        reports.forEach(r -> r.spec().models().forEach(g -> models.add(g.model())));
        for (String model : models) {
            Set<String> params = new LinkedHashSet<>();
            reports.forEach(r -> grid(r.spec(), model).ifPresent(g -> params.addAll(g.grid().keySet())));
            for (String param : params) {
                rows.add(row(model + " · " + param, reports, r -> grid(r.spec(), model)
                        .map(g -> g.grid().containsKey(param) ? values(g.grid().get(param)) : "default")
                        .orElse(ReportText.MISSING)));
            }
        }
        return rows.stream().filter(Row::differs).toList();
    }

    /** Grid points over the spec's models as written ({@code start:*} counts once): a spec's size at a glance. */
    public static int gridPoints(ExperimentSpec spec) {
        return spec.models().stream().mapToInt(ModelGrid::size).sum();
    }

    private static java.util.Optional<ModelGrid> grid(ExperimentSpec spec, String model) {
        return spec.models().stream().filter(g -> g.model().equals(model)).findFirst();
    }

    private static String values(List<Double> values) {
        return String.join(", ", values.stream().map(ReportText::plain).toList());
    }

    private static String earlyStopping(EarlyStopping e) {
        return e == null ? "off" : String.format(Locale.ROOT, "patience %d, %s validation", e.patience(),
                ReportText.percent(e.validationFraction()));
    }

    private static Row row(String label, List<RunReport> reports, Function<RunReport, String> value) {
        return new Row(label, reports.stream().map(value).toList());
    }

    private static List<ModelComparison> models(List<RunReport> reports) {
        Map<String, List<ModelCell>> byModel = new LinkedHashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            for (ModelSummary m : reports.get(i).models()) {
                List<ModelCell> cells = byModel.computeIfAbsent(m.model().toString(), k -> {
                    List<ModelCell> absent = new ArrayList<>();
                    reports.forEach(r -> absent.add(ModelCell.ABSENT));
                    return absent;
                });
                ExperimentSpec spec = reports.get(i).spec();
                Set<String> listed = grid(spec, m.model().toString())
                        .or(() -> grid(spec, m.model().kind().name() + ":*"))
                        .map(g -> g.grid().keySet()).orElse(Set.of());
                cells.set(i, ModelCell.of(m, listed));
            }
        }
        List<ModelComparison> models = new ArrayList<>();
        byModel.forEach((model, cells) -> models.add(new ModelComparison(model, cells)));
        return models;
    }

    private static List<Timing> timings(List<RunReport> reports) {
        double reference = reports.get(0).run().wallSeconds();
        return reports.stream().map(r -> {
            double wall = r.run().wallSeconds();
            double speedup = reference > 0 && wall > 0 ? reference / wall : Double.NaN;
            return new Timing(r.run().id(), r.run().mode(), r.run().workers(), wall, speedup);
        }).toList();
    }

    private static ResourceSeries series(RunInfo run, List<ResourceSample> samples) {
        List<ResourceSample> sorted = samples.stream().sorted(Comparator.comparingLong(ResourceSample::epochMillis)).toList();
        long start = run.started() != null ? run.started().toEpochMilli()
                : sorted.isEmpty() ? 0 : sorted.get(0).epochMillis();
        double[] seconds = new double[sorted.size()];
        double[] cpu = new double[sorted.size()];
        double[] mem = new double[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            ResourceSample s = sorted.get(i);
            seconds[i] = (s.epochMillis() - start) / 1000.0;
            cpu[i] = 100 * s.cpuTotal();
            mem[i] = s.memUsedBytes() / (1024.0 * 1024.0);
        }
        return new ResourceSeries(run.id(), seconds, cpu, mem);
    }
}
