package io.kinefold.cli;

import io.kinefold.exec.TrialTimeout;
import io.kinefold.exec.WorkerChoice;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --workers N|auto}, shared by the commands that start workers. */
final class WorkersOption {
    @Option(names = "--workers", paramLabel = "N|auto", defaultValue = "auto",
            description = "Worker processes (of the pool, for compare): a number from 1 to 256, or auto for what the machine "
                    + "can hold (default: ${DEFAULT-VALUE}). 1 runs every trial one after another in one worker process.")
    String workers;

    @Option(names = "--trial-timeout", paramLabel = "SECONDS",
            description = "Seconds a trial may run before its worker is killed and the trial run again on a fresh worker "
                    + "(a retry; a trial out of retries fails with the reason). A worker silent for this long (at most "
                    + "30 s) is killed too. Default: 10 times the trial's expected time, at least 120 s.")
    Double trialTimeout;

    /** The worker choice, or null once {@code err} says why the text cannot be used. */
    WorkerChoice choice(PrintWriter err) {
        if (trialTimeout != null && TrialTimeout.check(trialTimeout) != null) {
            err.println("kinefold: --trial-timeout: " + TrialTimeout.check(trialTimeout));
            return null;
        }
        try {
            return WorkerChoice.parse(workers).withTrialTimeout(trialTimeout == null ? 0 : trialTimeout);
        } catch (IllegalArgumentException e) {
            err.println("kinefold: --workers: " + e.getMessage());
            return null;
        }
    }
}
