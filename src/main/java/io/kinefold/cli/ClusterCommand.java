package io.kinefold.cli;

import io.kinefold.cluster.ClusterConnection;
import io.kinefold.cluster.ClusterException;
import io.kinefold.cluster.NodeAddress;
import io.kinefold.cluster.NodeInfo;
import io.kinefold.cluster.NodeStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kinefold cluster status}: what the nodes of a cluster are and do. */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = "Look at a cluster of Kinefold nodes.",
        subcommands = ClusterCommand.Status.class)
final class ClusterCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Every node of the cluster: address, build, cores, memory, slots, busy slots, trials done, and how "
                    + "long its answer took.",
            exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {ExitCodes.OK, "1:no node answered", "2:bad usage"})
    static final class Status implements Callable<Integer> {
        /** How long the nodes have to answer. */
        static final Duration ANSWER = Duration.ofSeconds(10);

        @Parameters(paramLabel = "HOST:PORT[,HOST:PORT…]", description = "A node of the cluster (one is enough).")
        String address;

        @Mixin
        ClusterNameOption clusterNameOption;

        @Mixin
        Console console;

        @Override
        public Integer call() {
            PrintWriter err = console.err();
            List<NodeAddress> addresses;
            try {
                addresses = NodeAddress.parseList(address);
            } catch (IllegalArgumentException e) {
                err.println("kinefold: " + e.getMessage());
                return KinefoldCommand.BAD_INPUT;
            }
            try (ClusterConnection cluster = ClusterConnection.join(addresses, clusterNameOption.name)) {
                List<String> silent = new ArrayList<>();
                List<ClusterConnection.Answer> answers = cluster.statuses(ANSWER, silent);
                List<NodeInfo> refused = cluster.refusedNodes();
                err.printf(Locale.ROOT, "%-22s %-16s %5s %9s %5s %4s %7s %8s %9s%n", "node", "build", "cores", "memory", "slots", "busy",
                        "trials", "up", "answered");
                for (ClusterConnection.Answer a : answers) {
                    NodeStatus s = a.status();
                    boolean other = refused.stream().anyMatch(n -> n.name().equals(s.name()));
                    err.printf(Locale.ROOT, "%-22s %-16s %5d %7.1f G %5d %4d %7d %8s %6.0f ms%s%n", s.name(), s.build(), s.cores(),
                            s.memoryBytes() / (double) (1L << 30), s.slots(), s.busy(), s.trialsDone(),
                            io.kinefold.exec.Progress.clock(s.upSeconds()), a.answeredMs(),
                            other ? "  another build: refused by runs from here" : "");
                }
                silent.forEach(s -> err.println("no answer from " + s));
                err.printf(Locale.ROOT, "%d %s answered; %d free of %d slots%n", answers.size(), answers.size() == 1 ? "node" : "nodes",
                        answers.stream().mapToInt(a -> a.status().slots() - a.status().busy()).sum(),
                        answers.stream().mapToInt(a -> a.status().slots()).sum());
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("cluster", clusterNameOption.name);
                List<Map<String, Object>> nodes = new ArrayList<>();
                for (ClusterConnection.Answer a : answers) {
                    NodeStatus s = a.status();
                    Map<String, Object> n = new LinkedHashMap<>();
                    n.put("address", s.name());
                    n.put("build", s.build());
                    n.put("sameBuild", refused.stream().noneMatch(r -> r.name().equals(s.name())));
                    n.put("version", s.version());
                    n.put("cores", s.cores());
                    n.put("memoryBytes", s.memoryBytes());
                    n.put("slots", s.slots());
                    n.put("busySlots", s.busy());
                    n.put("trialsDone", s.trialsDone());
                    n.put("runs", s.sessions());
                    n.put("upSeconds", s.upSeconds());
                    n.put("answeredMs", a.answeredMs());
                    nodes.add(n);
                }
                root.put("nodes", nodes);
                root.put("silent", silent);
                console.printJson(root);
                return answers.isEmpty() ? KinefoldCommand.FAILED : KinefoldCommand.OK;
            } catch (ClusterException e) {
                err.println("kinefold: " + e.getMessage());
                return KinefoldCommand.FAILED;
            }
        }
    }
}
