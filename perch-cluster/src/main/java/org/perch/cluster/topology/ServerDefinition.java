package org.perch.cluster.topology;

import java.util.Objects;

/**
 * One front-end server of a pool.
 *
 * @param name the server's name, unique in the topology
 * @param host where clients reach it: a DNS name or an IP address
 * @param clientPort its XMPP client port
 * @param role whether it accepts connections now, or waits to be activated
 */
public record ServerDefinition(String name, String host, int clientPort, ServerRole role) {

    public static final int DEFAULT_CLIENT_PORT = 5222;

    public ServerDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(role, "role");
    }
}
