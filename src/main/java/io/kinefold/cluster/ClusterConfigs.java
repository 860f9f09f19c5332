package io.kinefold.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.List;
import java.util.Map;

/**
 * The Hazelcast configuration of a node and of a coordinator: a named cluster, joined by TCP/IP
 * member list only (no multicast, no cloud discovery), bound to one interface, quick to notice a
 * member gone, quiet, and with nothing of Hazelcast on but membership, the executor and topics.
 */
final class ClusterConfigs {
    /** The cluster name unless told otherwise. */
    static final String DEFAULT_CLUSTER_NAME = "kinefold";
    /** The executor the coordinator's commands run on at a node. */
    static final String EXECUTOR = "kinefold";
    /** The topic a session's events go to: this, then the session's id. */
    static final String EVENTS_TOPIC = "kinefold.events.";
    /** The first port a coordinator tries; well above the nodes' default so that the two never meet. */
    static final int COORDINATOR_PORT = 5801;

    static final String ROLE = "kinefold.role";
    static final String ROLE_NODE = "node";
    static final String ROLE_COORDINATOR = "coordinator";
    static final String BUILD = "kinefold.build";
    static final String SLOTS = "kinefold.slots";
    static final String CORES = "kinefold.cores";
    static final String MEMORY = "kinefold.memory";

    /**
     * Seconds without a heartbeat after which a member is taken for gone: a stopped or cut-off node
     * ({@code kinefold.cluster.heartbeatSeconds}, default 10; Hazelcast's own is 60).
     */
    static int heartbeatSeconds() {
        return Integer.getInteger("kinefold.cluster.heartbeatSeconds", 10);
    }

    private ClusterConfigs() {}

    /**
     * @param bind the interface to listen on, an IP address
     * @param port the first port to try
     * @param autoIncrement whether the next ports may be tried when it is taken
     * @param members addresses to join: other nodes, or for a coordinator its nodes
     * @param attributes what the member says of itself to the others
     */
    static Config config(String clusterName, String bind, int port, boolean autoIncrement, List<NodeAddress> members,
                         Map<String, String> attributes) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setInstanceName("kinefold-" + attributes.getOrDefault(ROLE, "member") + "-" + port + "-" + System.nanoTime());
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(autoIncrement).setPortCount(autoIncrement ? 100 : 1);
        network.getInterfaces().setEnabled(true).addInterface(bind);
        network.getRestApiConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(3);
        members.forEach(m -> join.getTcpIpConfig().addMember(m.toString()));
        if (members.isEmpty()) {
            join.getTcpIpConfig().addMember(bind + ":" + port);
        }
        config.getJetConfig().setEnabled(false);
        config.getExecutorConfig(EXECUTOR).setPoolSize(32);
        config.getSerializationConfig().addDataSerializableFactory(NodeTask.FACTORY_ID, NodeTask.FACTORY);
        attributes.forEach((k, v) -> config.getMemberAttributeConfig().setAttribute(k, v));
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.health.monitoring.level", "OFF");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(heartbeatSeconds()));
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "3");
        config.setProperty("hazelcast.graceful.shutdown.max.wait", "5");
        return config;
    }
}
