package io.kinefold.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * This process in a cluster as a coordinator: a lite Hazelcast member (it holds no data and runs
 * no trials) that sees the nodes, sends them {@link NodeRequest}s and hears their workers. The
 * run's store stays here; a coordinator is the only one to write it.
 */
public final class ClusterConnection implements AutoCloseable {
    /** How long one command may take to be answered, unless it says otherwise. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final HazelcastInstance instance;

    private ClusterConnection(HazelcastInstance instance) {
        this.instance = instance;
    }

    /**
     * Joins the cluster of the nodes at these addresses.
     *
     * @throws ClusterException when no Kinefold node is there
     */
    public static ClusterConnection join(List<NodeAddress> nodes, String clusterName) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(ClusterConfigs.ROLE, ClusterConfigs.ROLE_COORDINATOR);
        attributes.put(ClusterConfigs.BUILD, Build.hash());
        Config config = ClusterConfigs.config(clusterName, localAddressFor(nodes), ClusterConfigs.COORDINATOR_PORT, true, nodes, attributes);
        config.setLiteMember(true);
        HazelcastInstance instance;
        try {
            instance = Hazelcast.newHazelcastInstance(config);
        } catch (HazelcastException | IllegalStateException e) {
            throw new ClusterException("cannot join the cluster at " + text(nodes) + ": " + e.getMessage(), e);
        }
        ClusterConnection c = new ClusterConnection(instance);
        if (c.nodes().isEmpty()) {
            c.close();
            throw new ClusterException("no Kinefold node answered at " + text(nodes) + " (cluster name '" + clusterName
                    + "'): start one there with 'kinefold node --bind ADDRESS --port PORT', with the same --cluster-name");
        }
        return c;
    }

    private static String text(List<NodeAddress> nodes) {
        return String.join(",", nodes.stream().map(NodeAddress::toString).toList());
    }

    /**
     * The address of this machine that reaches the first node: loopback for nodes on loopback,
     * else the interface the system routes to it by (found without sending anything).
     */
    static String localAddressFor(List<NodeAddress> nodes) {
        if (NodeAddress.allLoopback(nodes)) {
            return "127.0.0.1";
        }
        NodeAddress first = nodes.get(0);
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(first.host(), first.port()));
            String local = probe.getLocalAddress().getHostAddress();
            if (local == null || local.equals("0.0.0.0")) {
                throw new ClusterException("cannot tell which interface of this machine reaches " + first);
            }
            return local;
        } catch (IOException | IllegalArgumentException e) {
            throw new ClusterException("cannot reach " + first + ": " + e.getMessage(), e);
        }
    }

    /** Every Kinefold node in the cluster now, in the members' order. */
    public List<NodeInfo> nodes() {
        List<NodeInfo> nodes = new ArrayList<>();
        for (Member m : instance.getCluster().getMembers()) {
            NodeInfo n = NodeInfo.of(m);
            if (n != null) {
                nodes.add(n);
            }
        }
        return nodes;
    }

    /** The nodes of this process's build: those a run may use. */
    public List<NodeInfo> usableNodes() {
        return nodes().stream().filter(n -> Objects.equals(n.build(), Build.hash())).toList();
    }

    /** The nodes of another build, refused. */
    public List<NodeInfo> refusedNodes() {
        return nodes().stream().filter(n -> !Objects.equals(n.build(), Build.hash())).toList();
    }

    /** Why each refused node is refused, one line each. */
    public List<String> refusals() {
        return refusedNodes().stream().map(n -> "node " + n.name() + " refused: it runs Kinefold build " + n.build()
                + ", this process build " + Build.hash() + " (every node must run the same jar)").toList();
    }

    UUID uuid() {
        return instance.getCluster().getLocalMember().getUuid();
    }

    /** Sends a command to a node; the future completes with its answer, or the node's error. */
    CompletableFuture<String> call(NodeInfo node, NodeRequest command, byte[] data) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        try {
            instance.getExecutorService(ClusterConfigs.EXECUTOR).submitToMember(new NodeTask(command, data), node.member(),
                    new ExecutionCallback<String>() {
                        @Override
                        public void onResponse(String response) {
                            answer.complete(response);
                        }

                        @Override
                        public void onFailure(Throwable t) {
                            answer.completeExceptionally(t);
                        }
                    });
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
        return answer;
    }

    /**
     * Sends a command and waits for the answer, at most {@code timeout}.
     *
     * @throws ClusterException naming the node and what went wrong
     */
    String callAndWait(NodeInfo node, NodeRequest command, byte[] data, Duration timeout) {
        try {
            return call(node, command, data).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ClusterException("node " + node.name() + ": " + reason(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new ClusterException("node " + node.name() + " did not answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while waiting for node " + node.name());
        }
    }

    /** An error's message without the class names Hazelcast wraps a remote one in. */
    static String reason(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null ? c.getClass().getSimpleName() : m;
    }

    /**
     * A node's status and how long its answer took: a sign of life fresher than any heartbeat.
     *
     * @param status what the node said of itself
     * @param answeredMs milliseconds from the question to its answer
     */
    public record Answer(NodeStatus status, double answeredMs) {}

    /**
     * Every node's status, asked of all at once; a node that does not answer in time is left out
     * and named in {@code silent}.
     */
    public List<Answer> statuses(Duration timeout, List<String> silent) {
        List<NodeInfo> nodes = nodes();
        long asked = System.nanoTime();
        List<CompletableFuture<Answer>> answers = nodes.stream().map(n -> call(n, new NodeRequest.Status(), null)
                .thenApply(text -> new Answer(ClusterJson.read(text, NodeStatus.class), (System.nanoTime() - asked) / 1e6))).toList();
        long deadline = asked + timeout.toNanos();
        List<Answer> statuses = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                statuses.add(answers.get(i).get(left, TimeUnit.NANOSECONDS));
            } catch (ExecutionException | TimeoutException e) {
                silent.add(nodes.get(i).name() + (e instanceof TimeoutException ? ": no answer within " + timeout.toSeconds() + " s"
                        : ": " + reason(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return statuses;
    }

    UUID addMembershipListener(MembershipListener listener) {
        return instance.getCluster().addMembershipListener(listener);
    }

    void removeMembershipListener(UUID id) {
        instance.getCluster().removeMembershipListener(id);
    }

    ITopic<String> topic(String name) {
        return instance.getTopic(name);
    }

    /** Leaves the cluster: the nodes end whatever workers of this process's runs are left. */
    @Override
    public void close() {
        try {
            instance.shutdown();
        } catch (RuntimeException e) {
            instance.getLifecycleService().terminate();
        }
    }
}
