package io.kinefold.cli;

import io.kinefold.exec.WorkerChoice;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --workers N|auto}, shared by the commands that start workers. */
final class WorkersOption {
    @Option(names = "--workers", paramLabel = "N|auto", defaultValue = "auto",
            description = "Worker processes (of the pool, for compare): a number from 1 to 256, or auto for what the machine "
                    + "can hold (default: ${DEFAULT-VALUE}). 1 runs every trial one after another in one worker process.")
    String workers;

    /** The worker choice, or null once {@code err} says why the text cannot be used. */
    WorkerChoice choice(PrintWriter err) {
        try {
            return WorkerChoice.parse(workers);
        } catch (IllegalArgumentException e) {
            err.println("kinefold: --workers: " + e.getMessage());
            return null;
        }
    }
}
