package org.perch.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the kernel holds in the send queues of a local server's sockets to some peers ({@code tx_queue} of Linux's
 * {@code /proc/net/tcp} and {@code tcp6}): bytes the server has written that the peers have not taken. Memory the
 * server's process does not show in its RSS, and which the server cannot free by itself while the socket is open.
 */
final class SocketQueues {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String V4_MAPPED = "0000000000000000FFFF0000";

    private SocketQueues() {
    }

    /** Bytes queued to send from local port {@code serverPort} to any of {@code peers}; empty if unreadable. */
    static OptionalLong serverSendQueue(int serverPort, Set<InetAddress> peers) {
        List<String> lines = new ArrayList<>();
        try {
            for (Path table : TABLES) {
                if (Files.isReadable(table)) {
                    lines.addAll(Files.readAllLines(table));
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(sendQueue(lines, serverPort, peers));
    }

    /** The sum of {@code tx_queue} over the lines of a socket table whose local port and remote address match. */
    static long sendQueue(List<String> lines, int serverPort, Set<InetAddress> peers) {
        long sum = 0;
        for (String line : lines) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 5 || !fields[0].endsWith(":")) {
                continue; // the header
            }
            String[] local = fields[1].split(":");
            String[] remote = fields[2].split(":");
            if (local.length != 2 || remote.length != 2 || Integer.parseInt(local[1], 16) != serverPort) {
                continue;
            }
            Optional<InetAddress> peer = ipv4(remote[0]);
            if (peer.isPresent() && peers.contains(peer.get())) {
                sum += Long.parseLong(fields[4].substring(0, fields[4].indexOf(':')), 16);
            }
        }
        return sum;
    }

    /** An IPv4 address as the tables write it (32 bits in the host's order, little-endian here), or mapped in v6. */
    static Optional<InetAddress> ipv4(String hex) {
        String word;
        if (hex.length() == 8) {
            word = hex;
        } else if (hex.length() == 32 && hex.startsWith(V4_MAPPED)) {
            word = hex.substring(24);
        } else {
            return Optional.empty();
        }
        byte[] b = HexFormat.of().parseHex(word);
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {b[3], b[2], b[1], b[0]}));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
