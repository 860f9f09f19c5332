package io.kinefold.cli;

import io.kinefold.data.DatasetException;
import io.kinefold.exec.ExecutorFactory;
import io.kinefold.exec.ResumeRefusedException;
import io.kinefold.exec.RunService;
import io.kinefold.exec.WorkerChoice;
import io.kinefold.experiment.SpecException;
import io.kinefold.store.RunHeldException;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.store.StoreFailure;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kinefold resume RUN_ID [--db FILE] [--json]}. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Go on with an interrupted or failed run: trials that succeeded are not run again, failed ones are.",
            "Refused while the run is running in another live process, or when its dataset changed since it started."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK, ExitCodes.RUN_FAILED, ExitCodes.RESUME_REFUSED})
final class ResumeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_ID")
    long runId;

    private final ExecutorFactory executors;

    ResumeCommand() {
        this(ExecutorFactory.LOCAL);
    }

    ResumeCommand(ExecutorFactory executors) {
        this.executors = executors;
    }

    @Mixin
    StoreOption storeOption;

    @Mixin
    WorkersOption workersOption;

    @Mixin
    ClusterOption clusterOption;

    @Mixin
    Console console;

    @Override
    public Integer call() {
        PrintWriter err = console.err();
        try (Store store = storeOption.open()) {
            RunService service = new RunService(store);
            RunService.Prepared prepared;
            try {
                prepared = service.prepareResume(runId);
            } catch (SpecException | DatasetException e) {
                err.println("kinefold: run " + runId + ": " + e.getMessage());
                return KinefoldCommand.BAD_INPUT;
            } catch (ResumeRefusedException e) {
                return ExitCodes.report(e, err);
            }
            int done = store.succeededTrialKeys(runId).size();
            err.println("Resuming run " + runId + ": " + done + " of " + prepared.plan().trialCount() + " trials already done");
            WorkerChoice choice = workersOption.choice(err);
            if (choice == null) {
                return KinefoldCommand.BAD_INPUT;
            }
            return clusterOption.run(choice, executors, err, (here, chosen) -> {
                err.println(chosen.reason());
                return RunCommand.execute(service, runId, prepared, here, chosen, console);
            });
        } catch (StoreException | StoreFailure | RunHeldException e) {
            return ExitCodes.report(e, err);
        }
    }
}
