package io.kinefold.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A node's address as a user types it: {@code HOST:PORT}, or {@code HOST} for the default port.
 *
 * @param host a name or an IP address
 * @param port the node's cluster port
 */
public record NodeAddress(String host, int port) {
    /** The port a node listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 5701;

    public NodeAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
    }

    /**
     * Addresses separated by commas: {@code 10.0.0.5:5701,10.0.0.6}.
     *
     * @throws IllegalArgumentException naming the part that is not an address
     */
    public static List<NodeAddress> parseList(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no address given; expected HOST:PORT[,HOST:PORT…]");
        }
        List<NodeAddress> list = new ArrayList<>();
        for (String part : text.split(",")) {
            list.add(parse(part.strip()));
        }
        return List.copyOf(list);
    }

    public static NodeAddress parse(String text) {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        if (colon < 0) {
            return new NodeAddress(t, DEFAULT_PORT);
        }
        String host = t.substring(0, colon);
        String port = t.substring(colon + 1);
        try {
            return new NodeAddress(host, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT: '" + port + "' is not a port number");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT: " + e.getMessage());
        }
    }

    /** Whether every address names this machine's loopback interface. */
    public static boolean allLoopback(List<NodeAddress> addresses) {
        return addresses.stream().allMatch(a -> a.host().equals("127.0.0.1") || a.host().toLowerCase(Locale.ROOT).equals("localhost"));
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
