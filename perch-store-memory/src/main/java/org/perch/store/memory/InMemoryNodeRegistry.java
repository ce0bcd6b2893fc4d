package org.perch.store.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.perch.store.cluster.NodeRegistry;
import org.perch.store.cluster.PoolNode;

/** The running servers in a map, guarded by this registry's monitor. */
final class InMemoryNodeRegistry implements NodeRegistry {

    private static final Comparator<PoolNode> ORDER = Comparator.comparing(PoolNode::pool)
            .thenComparing(PoolNode::server);

    private final Map<String, PoolNode> nodes = new HashMap<>();

    @Override
    public synchronized void register(PoolNode node) {
        nodes.put(node.server(), node);
    }

    @Override
    public synchronized boolean beat(String server, Instant at, boolean active, int connections,
                                     long feedPosition) {
        PoolNode node = nodes.get(server);
        if (node == null) {
            return false;
        }
        nodes.put(server, new PoolNode(server, node.pool(), node.host(), active, node.startedAt(), at, connections,
                feedPosition));
        return true;
    }

    @Override
    public synchronized List<PoolNode> nodes() {
        return nodes.values().stream().sorted(ORDER).toList();
    }

    @Override
    public synchronized List<PoolNode> removeSilentSince(Instant deadline) {
        List<PoolNode> silent = nodes.values().stream().filter(n -> n.lastBeat().isBefore(deadline)).sorted(ORDER)
                .toList();
        silent.forEach(n -> nodes.remove(n.server()));
        return silent;
    }

    @Override
    public synchronized void remove(String server) {
        nodes.remove(server);
    }
}
