package io.kinefold.cli;

import io.kinefold.cluster.Cidr;
import io.kinefold.cluster.ClusterException;
import io.kinefold.cluster.Node;
import io.kinefold.cluster.NodeAddress;
import io.kinefold.exec.WorkerCount;
import io.kinefold.monitor.MachineInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kinefold node}: serve this machine's worker slots to a cluster until stopped. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Serve this machine's worker slots to a cluster of Kinefold nodes until Ctrl-C or SIGTERM, which end its workers.",
            "Runs started elsewhere with --cluster HOST:PORT schedule their trials on it. A cluster has no authentication or "
                    + "encryption: use it on a trusted network only."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK, "1:the node could not start (its port is taken, say)", "2:bad usage"})
final class NodeCli implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "5701", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "This machine's address to listen on, an IP address (default: ${DEFAULT-VALUE}, this machine only; give "
                    + "its LAN address to serve other machines).")
    String bind;

    @Option(names = "--join", paramLabel = "HOST:PORT[,HOST:PORT…]",
            description = "Other nodes of the cluster to join; without it the node starts a cluster that others join.")
    String join;

    @Option(names = "--workers", paramLabel = "N|auto", defaultValue = "auto",
            description = "Worker slots to offer: a number, or auto for what this machine's cores and memory hold (default: ${DEFAULT-VALUE}).")
    String workers;

    @Option(names = "--allow", paramLabel = "CIDR[,CIDR…]",
            description = "Serve runs only from coordinators at these addresses, e.g. 10.0.0.0/24 (default: the subnet of the "
                    + "--bind address).")
    String allow;

    @Mixin
    ClusterNameOption clusterNameOption;

    @Mixin
    Console console;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = console.err();
        if (port < 1 || port > 65535) {
            err.println("kinefold: --port: " + port + " is not between 1 and 65535");
            return KinefoldCommand.BAD_INPUT;
        }
        List<NodeAddress> others;
        WorkerCount slots;
        try {
            others = join == null ? List.of() : NodeAddress.parseList(join);
        } catch (IllegalArgumentException e) {
            err.println("kinefold: --join: " + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        }
        try {
            slots = WorkerCount.isAuto(workers)
                    ? WorkerCount.auto(MachineInfo.logicalCores(), MachineInfo.availableMemoryBytes(), WorkerCount.INITIAL_FOOTPRINT, false)
                    : WorkerCount.parse(workers);
        } catch (IllegalArgumentException e) {
            err.println("kinefold: --workers: " + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        }
        List<Cidr> allowed;
        try {
            allowed = allow == null ? List.of(Cidr.subnetOf(bind)) : Cidr.parseList(allow);
        } catch (IllegalArgumentException e) {
            err.println("kinefold: " + (allow == null ? "--bind: " : "--allow: ") + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        }
        Node node;
        try {
            node = Node.start(new Node.Settings(clusterNameOption.name, bind, port, others, slots, allowed));
        } catch (ClusterException e) {
            err.println("kinefold: " + e.getMessage());
            return KinefoldCommand.FAILED;
        }
        Thread hook = new Thread(node::close, "kinefold-node-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println("Node " + node.name() + " of cluster '" + clusterNameOption.name + "' (" + node.members() + (node.members() == 1 ? " member" : " members")
                + ") offers " + slots.reason());
        if (NodeAddress.allLoopback(List.of(new NodeAddress(bind, port)))) {
            err.println("Listening on loopback only: other machines cannot reach this node; --bind with this machine's LAN address serves them.");
        }
        err.println("Serves runs from " + allowed.stream().map(Cidr::toString).toList()
                + " only. A cluster has no authentication or encryption: use it on a trusted network.");
        err.println("Ctrl-C or SIGTERM stops it and ends its workers.");
        err.flush();
        node.awaitStop();
        return KinefoldCommand.OK;
    }
}
