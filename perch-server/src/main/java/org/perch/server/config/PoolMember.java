package org.perch.server.config;

import java.util.Objects;

/**
 * Which server of which pool this process is, as named in the published topology (docs/topology.md): the
 * topology, not this configuration, says whether it is active or idle.
 */
public record PoolMember(String pool, String server) {
    public PoolMember {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(server, "server");
    }
}
