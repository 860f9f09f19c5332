package io.kinefold.cli;

import io.kinefold.exec.CpuReference;
import io.kinefold.exec.PoolExecutor;
import io.kinefold.exec.RunOutcome;
import io.kinefold.exec.RunService;
import io.kinefold.exec.WorkerCount;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.TrialResult;
import io.kinefold.monitor.ResourceSummary;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.store.StoreFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kinefold compare SPEC [--dataset DIR] [--workers N|auto] [--scaling] [--db FILE] [--json]}:
 * the same spec single-process and in the pool, with the timing tables a user needs to decide.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run a spec single-process (one worker), then in a pool of workers, and compare times, speedup, "
                + "efficiency and memory. Both runs are stored and exported like any other.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "Experiment spec (JSON), or the name of a preset.")
    String specArg;

    @Option(names = "--dataset", paramLabel = "DIR", description = "Dataset folder, instead of the spec's.")
    Path dataset;

    @Option(names = "--workers", paramLabel = "N|auto", defaultValue = "auto",
            description = "Workers of the pool (default: ${DEFAULT-VALUE}).")
    String workers;

    @Option(names = "--scaling", description = "Also run with every worker count between 1 and N, for the speedup curve.")
    boolean scaling;

    @Option(names = "--no-reference", description = "Skip measuring what N independent CPU-bound processes get on this machine.")
    boolean noReference;

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    @Mixin
    StoreOption storeOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkerChoice choice;
        try {
            choice = WorkerChoice.parse(workers);
        } catch (IllegalArgumentException e) {
            err.println("kinefold: --workers: " + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        }
        RunService.Prepared prepared = RunCommand.prepare(specArg, dataset, err);
        if (prepared == null) {
            return KinefoldCommand.BAD_INPUT;
        }
        int n = choice.count().workers();
        err.println(choice.count().reason());
        CpuReference reference = null;
        if (!noReference && n > 1) {
            try {
                err.println("Measuring the reference: " + n + " independent CPU-bound processes…");
                reference = CpuReference.measure(n);
                err.println("Reference: " + reference.describe());
            } catch (IOException e) {
                err.println("kinefold: the reference could not be measured: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return KinefoldCommand.FAILED;
            }
        }
        try (Store store = storeOption.open()) {
            RunService service = new RunService(store);
            err.println();
            err.println("== single process (1 worker) ==");
            Mode single = runMode(service, prepared, "compare-single", new WorkerChoice(WorkerCount.fixed(1), false), err);
            if (single.outcome.status() != Status.SUCCEEDED) {
                return KinefoldCommand.FAILED;
            }
            err.println();
            err.println("== pool (" + n + " workers) ==");
            Mode multi = runMode(service, prepared, "compare-pool", choice, err);
            if (multi.outcome.status() != Status.SUCCEEDED) {
                return KinefoldCommand.FAILED;
            }
            List<Map<String, Object>> curve = new ArrayList<>();
            if (scaling) {
                curve.add(point(1, single.outcome.wallSeconds(), single.outcome.wallSeconds()));
                for (int k = 2; k < n; k++) {
                    err.println();
                    err.println("== scaling: " + k + " workers ==");
                    Mode m = runMode(service, prepared, "scaling-" + k, new WorkerChoice(WorkerCount.fixed(k), false), err);
                    curve.add(point(k, m.outcome.wallSeconds(), single.outcome.wallSeconds()));
                }
                curve.add(point(n, multi.outcome.wallSeconds(), single.outcome.wallSeconds()));
            }
            Map<String, Object> result = comparison(prepared, single, multi, reference, curve);
            store.recordComparison(single.runId, multi.runId, Json.write(result));
            printHuman(result, single, multi, err);
            if (json) {
                out.println(Json.write(result));
                out.flush();
            }
            return Boolean.TRUE.equals(result.get("identicalMetrics")) ? KinefoldCommand.OK : KinefoldCommand.FAILED;
        } catch (StoreException | StoreFailure e) {
            err.println("kinefold: " + e.getMessage());
            return KinefoldCommand.FAILED;
        } catch (PoolExecutor.PoolFailure e) {
            err.println("kinefold: the worker pool failed: " + e.getMessage());
            return KinefoldCommand.FAILED;
        }
    }

    private record Mode(long runId, RunOutcome outcome, List<TrialResult> trials) {}

    private static Mode runMode(RunService service, RunService.Prepared prepared, String mode, WorkerChoice choice, PrintWriter err) {
        long runId = service.createRun(prepared, mode, choice.count().workers());
        err.println("Run " + runId + ": " + choice.count().reason());
        RunOutcome outcome = service.execute(runId, prepared, choice::executor, new ConsoleProgress(err));
        return new Mode(runId, outcome, service.store().trialResults(runId));
    }

    private static Map<String, Object> point(int workers, double wall, double singleWall) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("workers", workers);
        p.put("wallSeconds", wall);
        p.put("speedup", singleWall / wall);
        p.put("efficiency", singleWall / wall / workers);
        return p;
    }

    static Map<String, Object> comparison(RunService.Prepared prepared, Mode single, Mode multi, CpuReference reference,
                                          List<Map<String, Object>> curve) {
        Map<String, TrialResult> multiByKey = new HashMap<>();
        multi.trials.forEach(t -> multiByKey.put(t.trial().key(), t));
        int differing = 0;
        Map<String, double[]> perPoint = new LinkedHashMap<>();
        for (TrialResult s : single.trials) {
            TrialResult m = multiByKey.get(s.trial().key());
            if (m == null || s.metrics() == null || m.metrics() == null
                    || s.metrics().accuracy() != m.metrics().accuracy() || s.metrics().macroF1() != m.metrics().macroF1()
                    || !java.util.Arrays.deepEquals(s.metrics().confusion(), m.metrics().confusion())) {
                differing++;
            }
            String point = s.trial().model() + "/g" + s.trial().gridPoint();
            double[] times = perPoint.computeIfAbsent(point, k -> new double[2]);
            times[0] += s.wallSeconds();
            times[1] += m == null ? Double.NaN : m.wallSeconds();
        }
        double speedup = single.outcome.wallSeconds() / multi.outcome.wallSeconds();
        int workers = multi.outcome.workers();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("spec", prepared.spec().name());
        root.put("trials", prepared.plan().trialCount());
        root.put("single", mode(single));
        root.put("multi", mode(multi));
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
        if (!curve.isEmpty()) {
            root.put("scaling", curve);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, GridPointSummary> summaries = new HashMap<>();
        for (ModelSummary model : single.outcome.models()) {
            for (GridPointSummary p : model.points()) {
                summaries.put(model.model() + "/g" + p.gridPoint(), p);
            }
        }
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

    private static Map<String, Object> mode(Mode mode) {
        ResourceSummary r = mode.outcome.resources();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", mode.runId);
        m.put("workers", mode.outcome.workers());
        m.put("wallSeconds", mode.outcome.wallSeconds());
        m.put("trialSeconds", mode.trials.stream().mapToDouble(TrialResult::wallSeconds).sum());
        long peak = r.peakRssBytesByWorker().values().stream().mapToLong(Long::longValue).max().orElse(0);
        m.put("peakRssMb", peak >> 20);
        m.put("sumOfWorkerPeakRssMb", r.peakRssBytesByWorker().values().stream().mapToLong(Long::longValue).sum() >> 20);
        m.put("resources", RunOutput.resources(r));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void printHuman(Map<String, Object> result, Mode single, Mode multi, PrintWriter err) {
        Map<String, Object> s = (Map<String, Object>) result.get("single");
        Map<String, Object> m = (Map<String, Object>) result.get("multi");
        err.println();
        err.println("Per grid point (seconds of trial time, summed over folds)");
        err.printf("  %-30s %10s %10s %8s%n", "grid point", "single", "pool", "ratio");
        for (Map<String, Object> row : (List<Map<String, Object>>) result.get("perGridPoint")) {
            err.printf(Locale.ROOT, "  %-30s %10.1f %10.1f %8.2f%n", row.get("model") + "/g" + row.get("gridPoint"),
                    (double) row.get("singleSeconds"), (double) row.get("multiSeconds"), (double) row.get("multiOverSingle"));
        }
        err.println();
        err.println("Total");
        err.printf("  %-18s %12s %12s%n", "", "single", "pool");
        err.printf(Locale.ROOT, "  %-18s %12d %12d%n", "workers", (int) s.get("workers"), (int) m.get("workers"));
        err.printf(Locale.ROOT, "  %-18s %12.1f %12.1f%n", "wall seconds", (double) s.get("wallSeconds"), (double) m.get("wallSeconds"));
        err.printf(Locale.ROOT, "  %-18s %12d %12d%n", "peak RSS/worker MB", (long) s.get("peakRssMb"), (long) m.get("peakRssMb"));
        err.printf(Locale.ROOT, "  %-18s %12d %12d%n", "sum of peaks MB", (long) s.get("sumOfWorkerPeakRssMb"), (long) m.get("sumOfWorkerPeakRssMb"));
        err.printf(Locale.ROOT, "  speedup %.2f×, efficiency %.0f %%, metrics %s%n", (double) result.get("speedup"),
                100 * (double) result.get("efficiency"),
                Boolean.TRUE.equals(result.get("identicalMetrics")) ? "identical in both modes"
                        : result.get("differingTrials") + " trials DIFFER");
        if (result.containsKey("reference")) {
            Map<String, Object> ref = (Map<String, Object>) result.get("reference");
            err.printf(Locale.ROOT, "  reference: %d independent CPU-bound processes get %.2f×; the pool reached %.0f %% of that%n",
                    (int) ref.get("processes"), (double) ref.get("speedup"), 100 * (double) result.get("speedupOfReference"));
        }
        if (result.containsKey("scaling")) {
            err.println("  scaling:");
            for (Map<String, Object> p : (List<Map<String, Object>>) result.get("scaling")) {
                err.printf(Locale.ROOT, "    %2d workers  %8.1f s  %5.2f×  %3.0f %%%n", (int) p.get("workers"), (double) p.get("wallSeconds"),
                        (double) p.get("speedup"), 100 * (double) p.get("efficiency"));
            }
        }
        err.printf("  runs: %d (single) and %d (pool); export either with kinefold export RUN_ID%n", single.runId, multi.runId);
        err.flush();
    }
}
