package io.kinefold.cluster;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A block of addresses, {@code 10.0.0.0/24} or {@code 127.0.0.1} (one address): whom a node
 * serves runs for ({@code kinefold node --allow}).
 *
 * @param network the block's first address
 * @param prefix bits fixed, 0 to 32 (IPv4) or 128 (IPv6)
 */
public record Cidr(InetAddress network, int prefix) {
    public Cidr {
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix /" + prefix + " is not between 0 and " + bits);
        }
    }

    /**
     * Blocks separated by commas.
     *
     * @throws IllegalArgumentException naming the part that is not a block of addresses
     */
    public static List<Cidr> parseList(String text) {
        List<Cidr> list = new ArrayList<>();
        for (String part : text.split(",")) {
            list.add(parse(part.strip()));
        }
        return List.copyOf(list);
    }

    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        if (host.isEmpty() || !host.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("'" + text + "' is not an address block like 10.0.0.0/24");
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            int prefix = slash < 0 ? address.getAddress().length * 8 : Integer.parseInt(text.substring(slash + 1));
            return new Cidr(address, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an address block like 10.0.0.0/24");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
        }
    }

    /** The subnet of this machine's interface with the given address, or just that address when no interface has it. */
    public static Cidr subnetOf(String address) {
        try {
            InetAddress a = InetAddress.getByName(address);
            NetworkInterface nic = NetworkInterface.getByInetAddress(a);
            if (nic != null) {
                for (InterfaceAddress ia : nic.getInterfaceAddresses()) {
                    if (ia.getAddress().equals(a)) {
                        return new Cidr(a, ia.getNetworkPrefixLength());
                    }
                }
            }
            return new Cidr(a, a.getAddress().length * 8);
        } catch (UnknownHostException | SocketException e) {
            throw new IllegalArgumentException("'" + address + "' is not an address of this machine");
        }
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        int bits = n.length * 8;
        BigInteger mask = prefix == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(prefix).subtract(BigInteger.ONE).shiftLeft(bits - prefix);
        return new BigInteger(1, a).and(mask).equals(new BigInteger(1, n).and(mask));
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }
}
