package io.kinefold.cluster;

import io.kinefold.exec.ExecutorFactory;
import io.kinefold.exec.RunMode;
import io.kinefold.exec.TrialExecutor;
import io.kinefold.exec.WorkerChoice;
import io.kinefold.exec.WorkerCount;
import io.kinefold.experiment.Workload;
import java.util.List;

/**
 * The executors of runs with a cluster: {@link RunMode#CLUSTER} on its nodes, the other modes on
 * this machine as {@link ExecutorFactory#LOCAL} runs them (the single-process side of a compare).
 */
public final class ClusterExecutors implements ExecutorFactory, AutoCloseable {
    private final ClusterConnection cluster;

    public ClusterExecutors(ClusterConnection cluster) {
        this.cluster = cluster;
    }

    /**
     * Joins the cluster of the nodes at {@code addresses} (text as a user types it,
     * {@code HOST:PORT[,…]}); {@link #close} leaves it, and the nodes end whatever workers of
     * this process's runs are left.
     *
     * @throws IllegalArgumentException when the text is not a list of addresses, naming the bad part
     * @throws ClusterException when no node of the cluster answers
     */
    public static ClusterExecutors join(String addresses, String clusterName) {
        return new ClusterExecutors(ClusterConnection.join(NodeAddress.parseList(addresses), clusterName));
    }

    /** Why nodes of the cluster are refused, one line each; empty when none is. */
    public List<String> refusals() {
        return cluster.refusals();
    }

    @Override
    public void close() {
        cluster.close();
    }

    @Override
    public TrialExecutor create(RunMode mode, Workload workload, WorkerChoice choice) {
        return mode == RunMode.CLUSTER ? new ClusterExecutor(cluster, workload, choice) : ExecutorFactory.local(mode, workload, choice);
    }

    /**
     * The workers of a run on this cluster: every slot of every node of this build, or fewer when
     * the user asked for a number; with the nodes and any refused one in the reason.
     *
     * @throws ClusterException when no node of this build is in the cluster
     */
    public WorkerChoice choice(WorkerChoice asked) {
        List<NodeInfo> nodes = cluster.usableNodes();
        if (nodes.isEmpty()) {
            throw new ClusterException("no node of this build in the cluster: " + String.join("; ", cluster.refusals()));
        }
        int slots = nodes.stream().mapToInt(NodeInfo::slots).sum();
        int workers = asked.auto() ? slots : Math.min(slots, asked.workers());
        String reason = workers + (workers == 1 ? " worker" : " workers") + " on " + nodes.size() + (nodes.size() == 1 ? " node: " : " nodes: ")
                + String.join(", ", nodes.stream().map(NodeInfo::toString).toList())
                + (workers < slots ? " (" + asked.workers() + " asked)" : "");
        return asked.onCluster(new WorkerCount(workers, reason));
    }

    public ClusterConnection cluster() {
        return cluster;
    }
}
