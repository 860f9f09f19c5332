package io.kinefold.cli;

import io.kinefold.data.DatasetException;
import io.kinefold.exec.RunService;
import io.kinefold.experiment.SpecException;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.store.StoreFailure;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kinefold resume RUN_ID [--db FILE] [--json]}. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Go on with an interrupted run: trials already finished are not run again.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_ID")
    long runId;

    @Mixin
    WorkersOption workersOption;

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    @Mixin
    StoreOption storeOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (Store store = storeOption.open()) {
            RunService service = new RunService(store);
            RunService.Prepared prepared;
            try {
                prepared = service.prepareResume(runId);
            } catch (SpecException | DatasetException e) {
                err.println("kinefold: run " + runId + ": " + e.getMessage());
                return KinefoldCommand.BAD_INPUT;
            }
            int done = store.succeededTrialKeys(runId).size();
            err.println("Resuming run " + runId + ": " + done + " of " + prepared.plan().trialCount() + " trials already done");
            WorkerChoice choice = workersOption.choice(err);
            if (choice == null) {
                return KinefoldCommand.BAD_INPUT;
            }
            err.println(choice.count().reason());
            return RunCommand.execute(service, runId, prepared, choice, spec.commandLine().getOut(), err, json);
        } catch (StoreException e) {
            err.println("kinefold: " + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        } catch (StoreFailure e) {
            err.println("kinefold: " + e.getMessage());
            return KinefoldCommand.FAILED;
        }
    }
}
