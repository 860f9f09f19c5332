package io.kinefold.cluster;

import com.hazelcast.cluster.Member;
import java.util.UUID;

/**
 * A node as the coordinator sees it in the cluster's member list: what it said of itself when it
 * joined.
 *
 * @param uuid its member id
 * @param name its address, {@code HOST:PORT}: the prefix of its workers' names
 * @param build its {@link Build#hash()}
 * @param slots worker slots it offers
 * @param cores logical cores of its machine
 * @param memoryBytes physical memory of its machine
 * @param member the member, to send it tasks
 */
public record NodeInfo(UUID uuid, String name, String build, int slots, int cores, long memoryBytes, Member member) {
    /** The node a member is, or null when the member is not a Kinefold node (a coordinator, say). */
    static NodeInfo of(Member m) {
        if (!ClusterConfigs.ROLE_NODE.equals(m.getAttribute(ClusterConfigs.ROLE))) {
            return null;
        }
        return new NodeInfo(m.getUuid(), name(m), m.getAttribute(ClusterConfigs.BUILD), number(m, ClusterConfigs.SLOTS),
                number(m, ClusterConfigs.CORES), longNumber(m, ClusterConfigs.MEMORY), m);
    }

    static String name(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    private static int number(Member m, String key) {
        return (int) longNumber(m, key);
    }

    private static long longNumber(Member m, String key) {
        try {
            return Long.parseLong(m.getAttribute(key));
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return name + " (" + slots + (slots == 1 ? " slot" : " slots") + ")";
    }
}
