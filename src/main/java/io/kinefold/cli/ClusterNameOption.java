package io.kinefold.cli;

import picocli.CommandLine.Option;

/** {@code --cluster-name}: only nodes and runs of the same name meet, so that two labs on one network stay apart. */
final class ClusterNameOption {
    @Option(names = "--cluster-name", paramLabel = "NAME", defaultValue = "kinefold",
            description = "The cluster's name: only nodes and runs of the same name meet (default: ${DEFAULT-VALUE}).")
    String name;
}
