package io.kinefold.cli;

import io.kinefold.cluster.ClusterException;
import io.kinefold.cluster.ClusterExecutors;
import io.kinefold.cluster.NodeAddress;
import io.kinefold.exec.ExecutorFactory;
import io.kinefold.exec.WorkerChoice;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --cluster HOST:PORT[,…]} and {@code --cluster-name}, for the commands that run trials. */
final class ClusterOption {
    @Option(names = "--cluster", paramLabel = "HOST:PORT[,HOST:PORT…]",
            description = "Run the trials on the worker slots of the Kinefold nodes of this cluster (started with kinefold node); "
                    + "this process schedules them and alone writes the store. One node's address is enough.")
    String cluster;

    @Mixin
    ClusterNameOption clusterNameOption;

    /** The command's work, with the executors and the worker choice it is to use. */
    @FunctionalInterface
    interface Body {
        int run(ExecutorFactory executors, WorkerChoice choice);
    }

    /**
     * Runs the body on this machine's executors, or, with {@code --cluster}, joined to the
     * cluster with its executors and the slots of its nodes as the workers; leaves the cluster after.
     */
    int run(WorkerChoice asked, ExecutorFactory local, PrintWriter err, Body body) {
        if (cluster == null) {
            return body.run(local, asked);
        }
        try {
            NodeAddress.parseList(cluster);
        } catch (IllegalArgumentException e) {
            err.println("kinefold: --cluster: " + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        }
        err.println("Joining cluster '" + clusterNameOption.name + "' at " + cluster + " …");
        err.flush();
        try (ClusterExecutors executors = ClusterExecutors.join(cluster, clusterNameOption.name)) {
            executors.refusals().forEach(r -> err.println("kinefold: warning: " + r));
            return body.run(executors, executors.choice(asked));
        } catch (ClusterException e) {
            err.println("kinefold: " + e.getMessage());
            return KinefoldCommand.FAILED;
        }
    }
}
