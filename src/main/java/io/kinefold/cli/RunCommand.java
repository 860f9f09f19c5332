package io.kinefold.cli;

import io.kinefold.experiment.Baseline;
import io.kinefold.exec.ExecutorFactory;
import io.kinefold.exec.RunMode;
import io.kinefold.exec.PoolExecutor;
import io.kinefold.exec.MachineState;
import io.kinefold.exec.RunCancel;
import io.kinefold.exec.RunWarnings;
import io.kinefold.exec.WorkerCount;
import io.kinefold.exec.RunOutcome;
import io.kinefold.exec.RunService;
import io.kinefold.exec.WorkerChoice;
import io.kinefold.experiment.ModelPlan;
import io.kinefold.experiment.Status;
import io.kinefold.store.RunHeldException;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.store.StoreFailure;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kinefold run SPEC [--dataset DIR] [--workers N] [--db FILE] [--dry-run] [--json]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Cross-validate every grid point of every model of a spec, and store the results.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK, ExitCodes.RUN_FAILED, ExitCodes.BAD_INPUT})
final class RunCommand extends SpecCommand {
    @Option(names = "--dry-run", description = "Check the spec and count trials per model without training.")
    boolean dryRun;

    @Mixin
    ClusterOption clusterOption;

    private final ExecutorFactory executors;

    RunCommand() {
        this(ExecutorFactory.LOCAL);
    }

    RunCommand(ExecutorFactory executors) {
        this.executors = executors;
    }

    @Override
    int run(RunService.Prepared prepared, WorkerChoice choice, PrintWriter err) {
        if (dryRun) {
            return dryRun(prepared, err);
        }
        return clusterOption.run(choice, executors, err, (here, chosen) -> {
            try (Store store = storeOption.open()) {
                RunService service = new RunService(store);
                long runId = service.createRun(prepared, chosen.mode().storeName(), chosen.workers());
                err.println("Run " + runId + ": " + prepared.spec().name() + ", " + prepared.plan().trialCount() + " trials, store "
                        + store.file());
                err.println(chosen.reason());
                if (chosen.mode() != RunMode.CLUSTER) {
                    RunWarnings.before(chosen.workers(), false, MachineState.withoutLoad(), WorkerCount.INITIAL_FOOTPRINT)
                            .forEach(w -> err.println("kinefold: warning: " + w));
                }
                return execute(service, runId, prepared, here, chosen, console);
            } catch (StoreException | StoreFailure | RunHeldException e) {
                return ExitCodes.report(e, err);
            }
        });
    }

    /** Runs what is left of a run, cancelling cleanly on Ctrl-C, and prints the outcome. */
    static int execute(RunService service, long runId, RunService.Prepared prepared, ExecutorFactory executors, WorkerChoice choice,
                       Console console) {
        PrintWriter err = console.err();
        RunCancel cancel = new RunCancel();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                // Let the run record its session and status before the JVM goes.
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kinefold-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        RunOutcome outcome;
        try {
            outcome = service.execute(runId, prepared, cancel.watching(executors.of(choice.mode(), choice)),
                    new ConsoleProgress(err));
        } catch (PoolExecutor.PoolFailure e) {
            err.println("kinefold: the worker pool failed: " + e.getMessage());
            err.println("Run " + runId + " is stored as failed with its results so far; go on with: kinefold resume " + runId);
            return KinefoldCommand.FAILED;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
        RunOutput.human(outcome, err);
        console.printJson(RunOutput.json(outcome));
        if (outcome.status() == Status.CANCELLED) {
            err.println("Cancelled; go on with: kinefold resume " + runId);
            return KinefoldCommand.FAILED;
        }
        if (outcome.status() != Status.SUCCEEDED) {
            err.println("Run " + runId + " failed: " + outcome.failed() + " of " + outcome.trials()
                    + " trials failed; kinefold resume " + runId + " runs them again");
            return KinefoldCommand.FAILED;
        }
        return KinefoldCommand.OK;
    }

    private int dryRun(RunService.Prepared prepared, PrintWriter err) {
        Map<String, Object> models = new LinkedHashMap<>();
        for (ModelPlan m : prepared.plan().models()) {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("gridPoints", m.points().size());
            counts.put("trials", m.points().size() * prepared.spec().folds());
            counts.put("samples", prepared.workload().samples(m.model()));
            models.put(m.model().toString(), counts);
            err.printf("  %-22s %4d grid points × %d folds = %5d trials%n", m.model(), m.points().size(),
                    prepared.spec().folds(), m.points().size() * prepared.spec().folds());
        }
        err.printf("  %-22s %4d models × %d baselines × %d folds = %5d trials%n", "baselines",
                prepared.plan().models().size(), Baseline.values().length, prepared.spec().folds(), prepared.plan().baselineTrialCount());
        err.printf("  %-22s %4d grid points            = %5d trials%n", "total", prepared.plan().gridPoints(),
                prepared.plan().trialCount());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dryRun", true);
        root.put("spec", prepared.spec().name());
        root.put("dataset", prepared.datasetDir().toString());
        root.put("folds", prepared.spec().folds());
        root.put("gridPoints", prepared.plan().gridPoints());
        root.put("trials", prepared.plan().trialCount());
        root.put("networkTrials", prepared.plan().networkTrialCount());
        root.put("baselineTrials", prepared.plan().baselineTrialCount());
        root.put("models", models);
        console.printJson(root);
        return KinefoldCommand.OK;
    }
}
