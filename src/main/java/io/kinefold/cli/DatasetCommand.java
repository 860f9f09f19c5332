package io.kinefold.cli;

import picocli.CommandLine.Command;

/** {@code kinefold dataset inspect|generate}. */
@Command(name = "dataset",
        mixinStandardHelpOptions = true,
        description = "Inspect a dataset or generate a synthetic one.",
        subcommands = {InspectCommand.class, GenerateCommand.class})
final class DatasetCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
