package io.kinefold.cli;

import io.kinefold.exec.ExecutorFactory;
import io.kinefold.monitor.AppInfo;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line; {@code kinefold --help} lists the subcommands. */
@Command(name = "kinefold",
        mixinStandardHelpOptions = true,
        versionProvider = KinefoldCommand.Version.class,
        description = "Cross-validated pose-model experiments on OpenPose keypoints. Without arguments, opens the workbench.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK, ExitCodes.RUN_FAILED, ExitCodes.BAD_INPUT},
        subcommands = {DatasetCommand.class, RunCommand.class, CompareCommand.class, ResumeCommand.class, ExperimentsCommand.class,
            ExportCommand.class, RefitCommand.class, PredictCommand.class, BenchCommand.class, NodeCli.class, ClusterCommand.class,
            CommandLine.HelpCommand.class})
public final class KinefoldCommand implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** A command line writing to the given streams, for tests. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, ExecutorFactory.LOCAL);
    }

    /** A command line whose run and resume execute trials on the given executors: for tests of how runs end. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, ExecutorFactory executors) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == RunCommand.class) {
                    return type.cast(new RunCommand(executors));
                }
                if (type == ResumeCommand.class) {
                    return type.cast(new ResumeCommand(executors));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cl = new CommandLine(new KinefoldCommand(), factory);
        // Data reaches both streams (names, labels, problem messages): escaped there, once for every
        // command. Picocli's own colours would be escaped too, so help is plain text.
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setOut(TerminalText.writer(out));
        cl.setErr(TerminalText.writer(err));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> ExitCodes.report(ex, commandLine.getErr()));
        cl.setExitCodeExceptionMapper(ExitCodes::of);
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                AppInfo.NAME + " " + AppInfo.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.arch")
            };
        }
    }
}
