package io.kinefold.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --json} and the command's two streams, shared by every command that prints a result:
 * with {@code --json} one JSON document goes to stdout and nothing else does.
 */
final class Console {
    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** Prints the value as the one JSON document on stdout, when {@code --json} asks for it. */
    void printJson(Object value) {
        if (json) {
            out().println(Json.write(value));
            out().flush();
        }
    }
}
