package org.perch.store.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * A server of a pool as the pool's store knows it: what it said about itself when it last beat.
 *
 * @param server its name in the topology, unique across the topology
 * @param pool the pool it serves
 * @param host where clients reach it
 * @param active whether it takes client connections (false: idle, a standby until activated)
 * @param startedAt when this run of it started
 * @param lastBeat when it last said it was alive
 * @param connections client connections it held then
 * @param feedPosition how far it had applied the pool feed then: the pool's last position minus this is how far
 *                     behind the others its clients are
 */
public record PoolNode(String server, String pool, String host, boolean active, Instant startedAt, Instant lastBeat,
                       int connections, long feedPosition) {
    public PoolNode {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastBeat, "lastBeat");
        if (connections < 0) {
            throw new IllegalArgumentException("connections must not be negative, got " + connections);
        }
        if (feedPosition < 0) {
            throw new IllegalArgumentException("feedPosition must not be negative, got " + feedPosition);
        }
    }
}
