package io.kinefold.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import io.kinefold.exec.WorkerCount;
import io.kinefold.monitor.MachineInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A running {@code kinefold node}: an embedded Hazelcast member offering this machine's worker
 * slots to the coordinators of its cluster, until {@link #close}.
 */
public final class Node implements AutoCloseable {
    /**
     * How a node is started.
     *
     * @param clusterName only members of this name join it: two labs on one network stay apart
     * @param bind the interface to listen on, an IP address
     * @param port the port to listen on
     * @param join other nodes to join (none: the node starts a cluster)
     * @param slots worker slots it offers, and why so many
     * @param allow the addresses whose runs it serves: coordinators elsewhere are refused
     */
    public record Settings(String clusterName, String bind, int port, List<NodeAddress> join, WorkerCount slots, List<Cidr> allow) {}

    private final HazelcastInstance instance;
    private final NodeService service;
    private final String name;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Node(HazelcastInstance instance, NodeService service, String name) {
        this.instance = instance;
        this.service = service;
        this.name = name;
    }

    /**
     * Starts the member and joins the cluster (or starts it).
     *
     * @throws ClusterException when it cannot listen where asked (the port is taken, say)
     */
    public static Node start(Settings settings) {
        NodeService service = new NodeService(settings.slots().workers(), Build.hash(), settings.allow());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(ClusterConfigs.ROLE, ClusterConfigs.ROLE_NODE);
        attributes.put(ClusterConfigs.BUILD, Build.hash());
        attributes.put(ClusterConfigs.SLOTS, Integer.toString(settings.slots().workers()));
        attributes.put(ClusterConfigs.CORES, Integer.toString(MachineInfo.logicalCores()));
        attributes.put(ClusterConfigs.MEMORY, Long.toString(MachineInfo.totalMemoryBytes()));
        Config config = ClusterConfigs.config(settings.clusterName(), settings.bind(), settings.port(), false, settings.join(), attributes);
        config.getUserContext().put(NodeService.KEY, service);
        config.addListenerConfig(new ListenerConfig(service));
        HazelcastInstance instance;
        try {
            instance = Hazelcast.newHazelcastInstance(config);
        } catch (HazelcastException | IllegalStateException e) {
            throw new ClusterException("cannot start a node on " + settings.bind() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        String name = NodeInfo.name(instance.getCluster().getLocalMember());
        service.attach(instance, name);
        return new Node(instance, service, name);
    }

    /** Its address, {@code HOST:PORT}. */
    public String name() {
        return name;
    }

    /** Members of its cluster now, itself included: nodes and coordinators. */
    public int members() {
        return instance.getCluster().getMembers().size();
    }

    public NodeStatus status() {
        return service.status();
    }

    /** Waits until {@link #close}. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Ends every worker of every run it serves, then leaves the cluster. */
    @Override
    public void close() {
        try {
            service.endEverything();
        } finally {
            instance.getLifecycleService().terminate();
            stopped.countDown();
        }
    }
}
