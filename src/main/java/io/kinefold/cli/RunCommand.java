package io.kinefold.cli;

import io.kinefold.data.DatasetException;
import io.kinefold.data.Problem;
import io.kinefold.exec.RunOutcome;
import io.kinefold.exec.RunService;
import io.kinefold.exec.PoolExecutor;
import io.kinefold.exec.TrialExecutor;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelPlan;
import io.kinefold.experiment.SpecException;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Status;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.store.StoreFailure;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kinefold run SPEC [--dataset DIR] [--workers N] [--db FILE] [--dry-run] [--json]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Cross-validate every grid point of every model of a spec, and store the results.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "Experiment spec (JSON), or the name of a preset: quick, article.")
    String specArg;

    @Option(names = "--dataset", paramLabel = "DIR", description = "Dataset folder, instead of the spec's.")
    Path dataset;

    @Mixin
    WorkersOption workersOption;

    @Option(names = "--dry-run", description = "Check the spec and count trials per model without training.")
    boolean dryRun;

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
        RunService.Prepared prepared = prepare(specArg, dataset, err);
        if (prepared == null) {
            return KinefoldCommand.BAD_INPUT;
        }
        if (dryRun) {
            return dryRun(prepared, out, err);
        }
        try (Store store = storeOption.open()) {
            RunService service = new RunService(store);
            long runId = service.createRun(prepared, choice.mode(), choice.count().workers());
            err.println("Run " + runId + ": " + prepared.spec().name() + ", " + prepared.plan().trialCount() + " trials, store "
                    + store.file());
            err.println(choice.count().reason());
            return execute(service, runId, prepared, choice, out, err, json);
        } catch (StoreException | StoreFailure e) {
            err.println("kinefold: " + e.getMessage());
            return KinefoldCommand.FAILED;
        }
    }

    /** Runs what is left of a run, cancelling cleanly on Ctrl-C, and prints the outcome. */
    static int execute(RunService service, long runId, RunService.Prepared prepared, WorkerChoice choice, PrintWriter out,
                       PrintWriter err, boolean json) {
        TrialExecutor[] executor = new TrialExecutor[1];
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            if (executor[0] != null) {
                executor[0].cancel();
            }
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
            outcome = service.execute(runId, prepared, w -> executor[0] = choice.executor(w), new ConsoleProgress(err));
        } catch (PoolExecutor.PoolFailure e) {
            err.println("kinefold: the worker pool failed: " + e.getMessage());
            err.println("Results so far are stored; go on with: kinefold resume " + runId);
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
        if (json) {
            out.println(Json.write(RunOutput.json(outcome)));
            out.flush();
        }
        if (outcome.status() == Status.CANCELLED) {
            err.println("Cancelled; go on with: kinefold resume " + runId);
            return KinefoldCommand.FAILED;
        }
        return outcome.status() == Status.SUCCEEDED ? KinefoldCommand.OK : KinefoldCommand.FAILED;
    }

    private int dryRun(RunService.Prepared prepared, PrintWriter out, PrintWriter err) {
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
        err.printf("  %-22s %4d grid points            = %5d trials%n", "total", prepared.plan().gridPoints(),
                prepared.plan().trialCount());
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("dryRun", true);
            root.put("spec", prepared.spec().name());
            root.put("dataset", prepared.datasetDir().toString());
            root.put("folds", prepared.spec().folds());
            root.put("gridPoints", prepared.plan().gridPoints());
            root.put("trials", prepared.plan().trialCount());
            root.put("models", models);
            out.println(Json.write(root));
            out.flush();
        }
        return KinefoldCommand.OK;
    }

    /**
     * Loads the spec and its dataset and plans it; prints every problem in plain words and returns
     * null when the spec or the dataset cannot be used. Shared by run and compare.
     */
    static RunService.Prepared prepare(String specArg, Path dataset, PrintWriter err) {
        RunService.Prepared prepared;
        try {
            prepared = RunService.prepare(loadSpec(specArg), dataset, Path.of("."));
        } catch (SpecException e) {
            e.problems().forEach(p -> err.println("kinefold: " + p));
            return null;
        } catch (DatasetException e) {
            err.println("kinefold: " + e.getMessage());
            e.problems().forEach(p -> err.println("  " + p));
            return null;
        }
        if (!prepared.dataset().problems().isEmpty()) {
            err.println("Dataset " + prepared.datasetDir() + ": " + prepared.dataset().problems().size()
                    + " problem(s), the rest loaded (kinefold dataset inspect lists them):");
            prepared.dataset().problems().stream().limit(5).map(Problem::toString).forEach(p -> err.println("  " + p));
        }
        return prepared;
    }

    /** A spec file, or a preset by name. */
    static ExperimentSpec loadSpec(String arg) throws SpecException {
        Path path = Path.of(arg);
        if (Files.isRegularFile(path)) {
            return SpecIo.read(path);
        }
        if (!arg.contains("/") && !arg.endsWith(".json")) {
            return SpecIo.readResource(arg);
        }
        throw new SpecException(arg + ": no such spec file");
    }
}
