package org.perch.store.cluster;

import java.time.Instant;
import java.util.List;

/**
 * The servers of a pool that are running, by their heartbeats in the pool's store: each beats every few seconds,
 * and any of them removes a server that has been silent too long, so that the others can let its occupants go.
 * Safe to call from several servers at once: each silent server is removed, and reported, exactly once.
 */
public interface NodeRegistry {

    /** Records that {@code node} is running, replacing whatever an earlier run of the same server left. */
    void register(PoolNode node);

    /**
     * Refreshes the server's heartbeat and figures.
     *
     * @return false if the server is not registered (it was removed as silent, or never registered): it must
     *     register again, and treat what it held in the pool as gone
     */
    boolean beat(String server, Instant at, boolean active, int connections, long feedPosition);

    /** Every registered server, by pool and then by name. */
    List<PoolNode> nodes();

    /**
     * Removes the servers whose last beat is before {@code deadline} and returns them; a server removed by one
     * caller is not returned to another.
     */
    List<PoolNode> removeSilentSince(Instant deadline);

    /** Removes the server (it is stopping cleanly); unknown servers are ignored. */
    void remove(String server);
}
