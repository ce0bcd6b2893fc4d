package org.perch.cluster.failover;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.perch.cluster.topology.PoolDefinition;
import org.perch.cluster.topology.PoolState;
import org.perch.cluster.topology.ServerDefinition;
import org.perch.cluster.topology.ServerRole;
import org.perch.cluster.topology.Severity;
import org.perch.cluster.topology.Topology;
import org.perch.cluster.topology.TopologyEdits;
import org.perch.cluster.topology.TopologyProblem;
import org.perch.cluster.topology.TopologyReport;
import org.perch.store.Store;
import org.perch.store.cluster.PublishedTopology;

/**
 * One pool as the topology published in one store defines it: what a failover reads before it changes the pool's
 * state and roles, and how it publishes the change there as the store's next version.
 */
record PublishedPool(PublishedTopology published, PoolDefinition pool) {

    /**
     * Reads it.
     *
     * @throws Procedure.Stop if the store holds no valid topology, or none naming the pool
     */
    static PublishedPool read(Store store, String storeName, String poolName) {
        PublishedTopology published = store.topology().current().orElseThrow(() -> new Procedure.Stop("store '"
                + storeName + "' holds no published topology: publish one with 'perch topology publish FILE'"));
        TopologyReport report = TopologyReport.check(published.document(), "the topology published in store '"
                + storeName + "' (version " + published.version() + ")");
        Topology topology = report.topology().filter(t -> report.publishable()).orElseThrow(() ->
                new Procedure.Stop(report.summary()));
        PoolDefinition pool = topology.pools().stream().filter(p -> p.name().equals(poolName)).findFirst()
                .orElseThrow(() -> new Procedure.Stop("the topology published in store '" + storeName + "' (version "
                        + published.version() + ") has no pool '" + poolName + "'"));
        return new PublishedPool(published, pool);
    }

    /** Whether the pool is already in that state with exactly those servers active. */
    boolean is(PoolState state, Set<String> active) {
        return pool.state() == state && active(pool).equals(new TreeSet<>(active));
    }

    /**
     * Publishes the document with the pool in {@code state} and {@code active} its active servers, as the next
     * version after the one read (so a concurrent publication is refused, not overwritten).
     *
     * @throws Procedure.Stop if the result is not a valid topology (too many active servers, say)
     */
    PublishedTopology publish(Store store, PoolState state, Set<String> active, Instant at) {
        String document = TopologyEdits.withPool(published.document(), pool.name(), state, active);
        TopologyReport report = TopologyReport.check(document, "the changed topology");
        if (!report.publishable()) {
            throw new Procedure.Stop(String.join("; ", report.problems().stream()
                    .filter(p -> p.severity() == Severity.ERROR).map(TopologyProblem::message).toList())
                    + "; nothing was published");
        }
        return store.topology().publish(document, at, published.version());
    }

    /** The servers of the pool, checked to exist. */
    Set<String> servers(List<String> names) {
        Set<String> known = new TreeSet<>(pool.servers().stream().map(ServerDefinition::name).toList());
        for (String name : names) {
            if (!known.contains(name)) {
                throw new Procedure.Stop("pool '" + pool.name() + "' has no server '" + name + "'; its servers: "
                        + String.join(", ", known));
            }
        }
        return new TreeSet<>(names);
    }

    static Set<String> active(PoolDefinition pool) {
        return withRole(pool, ServerRole.ACTIVE);
    }

    static Set<String> idle(PoolDefinition pool) {
        return withRole(pool, ServerRole.IDLE);
    }

    private static Set<String> withRole(PoolDefinition pool, ServerRole role) {
        return new TreeSet<>(pool.servers().stream().filter(s -> s.role() == role).map(ServerDefinition::name)
                .toList());
    }

    /** {@code active fe9; idle fe1, fe2}, for the report. */
    static String roles(PoolDefinition pool, Set<String> active) {
        List<String> idle = pool.servers().stream().map(ServerDefinition::name).filter(n -> !active.contains(n))
                .toList();
        return "active " + (active.isEmpty() ? "none" : String.join(", ", active)) + "; idle "
                + (idle.isEmpty() ? "none" : String.join(", ", idle));
    }
}
