package org.perch.cluster.failover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.perch.cluster.node.Heartbeat;
import org.perch.cluster.topology.PoolDefinition;
import org.perch.cluster.topology.ServerDefinition;
import org.perch.store.Store;
import org.perch.store.StoreException;
import org.perch.store.cluster.PoolNode;

/**
 * Waits, by their heartbeats in the pool's store, until the servers a topology activates take clients and the others
 * do not: what tells the operator that a published role change has been applied.
 */
final class ServerWait {

    private final Clock clock;
    private final Duration poll;

    ServerWait(Clock clock, Duration poll) {
        this.clock = clock;
        this.poll = poll;
    }

    /**
     * Returns once every server of {@code pool} named in {@code active} beats as taking clients and no other one
     * does (a silent server takes none).
     *
     * @throws Procedure.Stop naming each server that was not there yet when {@code wait} ran out
     */
    Procedure.Result await(Store store, String storeName, PoolDefinition pool, Set<String> active, Duration wait) {
        Instant began = clock.instant();
        Instant deadline = began.plus(wait);
        List<String> waitingFor = List.of("its heartbeats");
        while (true) {
            try {
                waitingFor = notYet(store.nodes().nodes(), pool, active);
                if (waitingFor.isEmpty()) {
                    return Procedure.Result.done((active.isEmpty() ? "no server of the pool takes clients"
                            : String.join(", ", active.stream().sorted().toList()) + " take" + (active.size() == 1
                                    ? "s" : "") + " clients, the others do not")
                            + " (after " + seconds(Duration.between(began, clock.instant())) + ")");
                }
            } catch (StoreException e) {
                waitingFor = List.of("store '" + storeName + "' to answer (" + e.getMessage() + ")");
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new Procedure.Stop("after " + seconds(wait) + ", still waiting for " + String.join("; ",
                        waitingFor) + ". Start the servers that are not running, then run the command again");
            }
            pause();
        }
    }

    private List<String> notYet(List<PoolNode> nodes, PoolDefinition pool, Set<String> active) {
        Map<String, PoolNode> beating = nodes.stream().collect(Collectors.toMap(PoolNode::server,
                Function.identity(), (a, b) -> a));
        Instant now = clock.instant();
        List<String> waiting = new ArrayList<>();
        for (ServerDefinition server : pool.servers()) {
            PoolNode node = beating.get(server.name());
            boolean fresh = node != null && !Duration.between(node.lastBeat(), now).minus(Heartbeat.SILENT_AFTER)
                    .isPositive();
            boolean takesClients = fresh && node.active();
            if (active.contains(server.name()) && !takesClients) {
                waiting.add(server.name() + " to take clients (" + (fresh ? "it beats as idle"
                        : node == null ? "it has never beaten in this store" : "its last beat was at "
                                + node.lastBeat()) + ")");
            } else if (!active.contains(server.name()) && takesClients) {
                waiting.add(server.name() + " to stop taking clients");
            }
        }
        return waiting;
    }

    private void pause() {
        try {
            Thread.sleep(poll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Procedure.Stop("interrupted while waiting for the servers");
        }
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
