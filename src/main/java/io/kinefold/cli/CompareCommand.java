package io.kinefold.cli;

import io.kinefold.exec.Comparer;
import io.kinefold.exec.Comparer.ModeRun;
import io.kinefold.exec.CpuReference;
import io.kinefold.exec.PoolExecutor;
import io.kinefold.exec.RunService;
import io.kinefold.exec.WorkerCount;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.store.StoreFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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

    @Mixin
    WorkersOption workersOption;

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
        WorkerChoice choice = workersOption.choice(err);
        if (choice == null) {
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
            Comparer comparer = new Comparer(new RunService(store), prepared);
            err.println();
            err.println("== single process (1 worker) ==");
            ModeRun single = comparer.run(Comparer.SINGLE_MODE, 1, new WorkerChoice(WorkerCount.fixed(1), false)::executor,
                    new ConsoleProgress(err));
            if (!single.succeeded()) {
                return KinefoldCommand.FAILED;
            }
            err.println();
            err.println("== pool (" + n + " workers) ==");
            ModeRun multi = comparer.run(Comparer.POOL_MODE, n, choice::executor, new ConsoleProgress(err));
            if (!multi.succeeded()) {
                return KinefoldCommand.FAILED;
            }
            double singleWall = single.outcome().wallSeconds();
            List<Map<String, Object>> curve = new ArrayList<>();
            if (scaling) {
                curve.add(Comparer.scalingPoint(1, singleWall, singleWall));
                for (int k = 2; k < n; k++) {
                    err.println();
                    err.println("== scaling: " + k + " workers ==");
                    ModeRun m = comparer.run("scaling-" + k, k, new WorkerChoice(WorkerCount.fixed(k), false)::executor,
                            new ConsoleProgress(err));
                    curve.add(Comparer.scalingPoint(k, m.outcome().wallSeconds(), singleWall));
                }
                curve.add(Comparer.scalingPoint(n, multi.outcome().wallSeconds(), singleWall));
            }
            Map<String, Object> result = comparer.record(single, multi, reference, curve);
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

    @SuppressWarnings("unchecked")
    private static void printHuman(Map<String, Object> result, ModeRun single, ModeRun multi, PrintWriter err) {
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
        err.printf("  runs: %d (single) and %d (pool); export either with kinefold export RUN_ID%n", single.runId(), multi.runId());
        err.flush();
    }
}
