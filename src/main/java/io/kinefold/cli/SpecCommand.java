package io.kinefold.cli;

import io.kinefold.exec.RunService;
import io.kinefold.exec.WorkerChoice;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A command that runs a spec: {@code SPEC [--dataset DIR] [--workers N|auto] [--db FILE] [--json]}
 * read and checked once here, every problem printed in plain words, before the command proper.
 */
abstract class SpecCommand implements Callable<Integer> {
    @Mixin
    SpecOption specOption;

    @Mixin
    WorkersOption workersOption;

    @Mixin
    Console console;

    @Mixin
    StoreOption storeOption;

    @Override
    public final Integer call() {
        PrintWriter err = console.err();
        WorkerChoice choice = workersOption.choice(err);
        if (choice == null) {
            return KinefoldCommand.BAD_INPUT;
        }
        RunService.Prepared prepared = specOption.prepare(err);
        if (prepared == null) {
            return KinefoldCommand.BAD_INPUT;
        }
        return run(prepared, choice, err);
    }

    /** The command proper, on a spec planned on its dataset and a valid worker choice. */
    abstract int run(RunService.Prepared prepared, WorkerChoice choice, PrintWriter err);
}
