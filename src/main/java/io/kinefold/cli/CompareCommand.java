package io.kinefold.cli;

import io.kinefold.exec.Comparer;
import io.kinefold.exec.CompareListener;
import io.kinefold.exec.CompareWorkflow;
import io.kinefold.exec.ComparisonResult;
import io.kinefold.exec.CpuReference;
import io.kinefold.exec.ExecutorFactory;
import io.kinefold.exec.PoolExecutor;
import io.kinefold.exec.RunCancel;
import io.kinefold.exec.RunService;
import io.kinefold.exec.WorkerChoice;
import io.kinefold.store.RunHeldException;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.store.StoreFailure;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kinefold compare SPEC [--dataset DIR] [--workers N|auto] [--scaling] [--db FILE] [--json]}:
 * the same spec single-process and in the pool, with the timing tables a user needs to decide.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run a spec single-process (one worker), then in a pool of workers, and compare times, speedup, "
                + "efficiency and memory. Both runs are stored and exported like any other.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:both runs succeeded and their metrics agree",
            "1:the work failed: a trial failed after its retries, the worker pool failed, the comparison was cancelled, "
                    + "or the metrics of the two runs differ",
            ExitCodes.BAD_INPUT})
final class CompareCommand extends SpecCommand {
    @Option(names = "--scaling", description = "Also run with every worker count between 1 and N, for the speedup curve.")
    boolean scaling;

    @Option(names = "--no-reference", description = "Skip measuring what N independent CPU-bound processes get on this machine.")
    boolean noReference;

    @Mixin
    ClusterOption clusterOption;

    @Override
    int run(RunService.Prepared prepared, WorkerChoice asked, PrintWriter err) {
        return clusterOption.run(asked, ExecutorFactory.LOCAL, err, (executors, choice) -> compare(prepared, executors, choice, err));
    }

    private int compare(RunService.Prepared prepared, ExecutorFactory executors, WorkerChoice choice, PrintWriter err) {
        err.println(choice.reason());
        try (Store store = storeOption.open()) {
            CompareWorkflow.Outcome outcome = new CompareWorkflow(new RunService(store), executors, new RunCancel())
                    .run(prepared, choice, new CompareWorkflow.Options(!noReference, scaling), new CompareProgress(err, choice.cluster()));
            if (!outcome.compared()) {
                return KinefoldCommand.FAILED;
            }
            printHuman(outcome.result(), choice.cluster(), err);
            console.printJson(json(outcome));
            return outcome.result().metricsAgree() ? KinefoldCommand.OK : KinefoldCommand.FAILED;
        } catch (StoreException | StoreFailure | RunHeldException e) {
            return ExitCodes.report(e, err);
        } catch (PoolExecutor.PoolFailure e) {
            err.println("kinefold: the worker pool failed: " + e.getMessage());
            return KinefoldCommand.FAILED;
        }
    }

    /** The comparison, and on a cluster the multi-process run's trials per node. */
    private static Object json(CompareWorkflow.Outcome outcome) {
        var nodes = outcome.pool().outcome().nodes();
        if (nodes.isEmpty()) {
            return outcome.result();
        }
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> root = Json.MAPPER.convertValue(outcome.result(), java.util.LinkedHashMap.class);
        root.put("nodes", nodes);
        return root;
    }

    /** The comparison's phases and each run's progress, on stderr. */
    private static final class CompareProgress extends ConsoleProgress implements CompareListener {
        private final PrintWriter err;
        private final boolean cluster;

        CompareProgress(PrintWriter err, boolean cluster) {
            super(err);
            this.err = err;
            this.cluster = cluster;
        }

        @Override
        public void referenceStarted(int processes) {
            err.println("Measuring the reference: " + processes + " independent CPU-bound processes…");
        }

        @Override
        public void referenceMeasured(CpuReference reference) {
            err.println("Reference: " + reference.describe());
        }

        @Override
        public void warning(String text) {
            err.println("kinefold: warning: " + text);
        }

        @Override
        public void referenceFailed(String reason) {
            err.println("kinefold: the reference could not be measured: " + reason);
        }

        @Override
        public void phaseStarted(CompareWorkflow.Phase phase, int workers, Comparer.ModeRun single) {
            err.println();
            err.println(switch (phase) {
                case SINGLE -> "== single process (1 worker) ==";
                case POOL -> cluster ? "== cluster (" + workers + " workers) ==" : "== pool (" + workers + " workers) ==";
                case SCALING -> "== scaling: " + workers + (workers == 1 ? " worker ==" : " workers ==");
            });
        }
    }

    private static void printHuman(ComparisonResult result, boolean cluster, PrintWriter err) {
        ComparisonResult.ModeTimings s = result.single();
        ComparisonResult.ModeTimings m = result.pool();
        err.println();
        err.println("Per grid point (seconds of trial time, summed over folds)");
        err.printf("  %-30s %10s %10s %8s%n", "grid point", "single", "pool", "ratio");
        for (ComparisonResult.GridPointTiming row : result.perGridPoint()) {
            err.printf(Locale.ROOT, "  %-30s %10.1f %10.1f %8.2f%n", row.model() + "/" + row.label(),
                    row.singleSeconds(), row.multiSeconds(), row.multiOverSingle());
        }
        err.println();
        err.println("Total");
        err.printf("  %-18s %12s %12s%n", "", "single", "pool");
        err.printf(Locale.ROOT, "  %-18s %12d %12d%n", "workers", s.workers(), m.workers());
        err.printf(Locale.ROOT, "  %-18s %12.1f %12.1f%n", "wall seconds", s.wallSeconds(), m.wallSeconds());
        err.printf(Locale.ROOT, "  %-18s %12d %12d%n", "peak RSS/worker MB", s.peakRssMb(), m.peakRssMb());
        err.printf(Locale.ROOT, "  %-18s %12d %12d%n", "sum of peaks MB", s.sumOfWorkerPeakRssMb(), m.sumOfWorkerPeakRssMb());
        err.printf(Locale.ROOT, "  speedup %.2f×, efficiency %.0f %%, metrics %s%n", result.speedup(), 100 * result.efficiency(),
                result.metricsAgree() ? "identical in both modes" : result.differingTrials() + " trials DIFFER");
        if (result.reference() != null) {
            err.printf(Locale.ROOT, "  reference: %d independent CPU-bound processes get %.2f×; the pool reached %.0f %% of that%n",
                    result.reference().processes(), result.reference().speedup(), 100 * result.speedupOfReference());
        }
        if (!result.scaling().isEmpty()) {
            err.println("  scaling:");
            for (ComparisonResult.ScalingPoint p : result.scaling()) {
                err.printf(Locale.ROOT, "    %2d workers  %8.1f s  %5.2f×  %3.0f %%%n", p.workers(), p.wallSeconds(),
                        p.speedup(), 100 * p.efficiency());
            }
            ComparisonResult.ScalingPoint first = result.scaling().get(0);
            ComparisonResult.ScalingPoint last = result.scaling().get(result.scaling().size() - 1);
            if (cluster && first.workers() == 1 && last.workers() > 1) {
                // a cluster's curve starts at one worker there, not at the single process here
                err.printf(Locale.ROOT, "  on the cluster: %d workers are %.2f× one worker there (%.1f s against %.1f s)%n",
                        last.workers(), first.wallSeconds() / last.wallSeconds(), last.wallSeconds(), first.wallSeconds());
            }
        }
        err.printf("  runs: %d (single) and %d (pool); export either with kinefold export RUN_ID%n", s.runId(), m.runId());
        err.flush();
    }
}
