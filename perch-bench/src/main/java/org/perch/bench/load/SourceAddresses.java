package org.perch.bench.load;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local addresses connections are made from, taken in turn. Each address has its own ~28k ephemeral ports
 * (Linux's default {@code ip_local_port_range}), and Linux routes all of 127/8 to loopback, so
 * {@code 127.0.0.1-127.0.0.8} lets one process hold over 200k connections to a loopback server.
 */
final class SourceAddresses {

    private final List<InetAddress> addresses;
    private final String spec;
    private final AtomicInteger next = new AtomicInteger();

    private SourceAddresses(List<InetAddress> addresses, String spec) {
        this.addresses = List.copyOf(addresses);
        this.spec = spec;
    }

    /** {@code a.b.c.d-a.b.c.e} (an IPv4 range), or a comma-separated list of addresses. */
    static SourceAddresses parse(String spec) {
        List<InetAddress> list = new ArrayList<>();
        try {
            int dash = spec.indexOf('-');
            if (dash > 0) {
                long first = ipv4(spec.substring(0, dash).strip());
                long last = ipv4(spec.substring(dash + 1).strip());
                if (last < first || last - first > 255) {
                    throw new IllegalArgumentException("--sources " + spec + ": at most 256 addresses, in order");
                }
                for (long a = first; a <= last; a++) {
                    list.add(InetAddress.getByAddress(new byte[] {(byte) (a >> 24), (byte) (a >> 16), (byte) (a >> 8),
                            (byte) a}));
                }
            } else {
                for (String address : spec.split(",")) {
                    list.add(InetAddress.getByName(address.strip()));
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--sources " + spec + ": " + e.getMessage(), e);
        }
        return new SourceAddresses(list, spec);
    }

    InetAddress next() {
        return addresses.get(Math.floorMod(next.getAndIncrement(), addresses.size()));
    }

    List<InetAddress> all() {
        return addresses;
    }

    int size() {
        return addresses.size();
    }

    @Override
    public String toString() {
        return spec;
    }

    private static long ipv4(String address) throws UnknownHostException {
        byte[] b = InetAddress.getByName(address).getAddress();
        if (b.length != 4) {
            throw new IllegalArgumentException("--sources: ranges are of IPv4 addresses: " + address);
        }
        return (b[0] & 0xffL) << 24 | (b[1] & 0xffL) << 16 | (b[2] & 0xffL) << 8 | (b[3] & 0xffL);
    }
}
