package org.perch.cluster.node;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.perch.cluster.topology.Databases;
import org.perch.cluster.topology.EmbeddedStoreDefinition;
import org.perch.cluster.topology.PoolDefinition;
import org.perch.cluster.topology.PostgresStoreDefinition;
import org.perch.cluster.topology.ServerDefinition;
import org.perch.cluster.topology.ServerRole;
import org.perch.cluster.topology.StoreDefinition;
import org.perch.cluster.topology.Topology;
import org.perch.cluster.topology.TopologyException;
import org.perch.cluster.topology.TopologyReport;
import org.perch.store.cluster.PublishedTopology;

/**
 * What the published topology says this server is: which pool it serves, whether it is active or idle, and which
 * compliance database the pool uses. Found by {@link #resolve}, which refuses a server the topology does not name,
 * or one whose own configuration contradicts it (another store, another domain, a MUC service the pool does not
 * serve): started anyway, such a server would serve rooms from the wrong database.
 *
 * @param version the published version this was read from
 */
public record PoolAssignment(long version, Topology topology, PoolDefinition pool, ServerDefinition server) {

    public PoolAssignment {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(server, "server");
    }

    public boolean active() {
        return server.role() == ServerRole.ACTIVE;
    }

    /** The pool's compliance database, if the topology names one. */
    public Optional<StoreDefinition> complianceStore() {
        return pool.complianceStore().flatMap(topology::store);
    }

    /**
     * Finds {@code serverName} of {@code poolName} in the published topology.
     *
     * @param configuredStore the store this server was configured with (any name: only the database counts)
     * @param domain this server's XMPP domain
     * @param mucDomain this server's MUC service
     * @throws TopologyException saying what is missing or contradicts the configuration, and how to fix it
     */
    public static PoolAssignment resolve(Optional<PublishedTopology> published, String poolName, String serverName,
                                         StoreDefinition configuredStore, String domain, String mucDomain) {
        PublishedTopology current = published.orElseThrow(() -> new TopologyException("no topology is published in"
                + " this server's store; publish one with 'perch topology publish FILE' (docs/topology.md)"));
        TopologyReport report = TopologyReport.check(current.document(), "published topology version "
                + current.version());
        Topology topology = report.topology().filter(t -> report.publishable()).orElseThrow(() ->
                new TopologyException(report.summary() + ": publish a valid topology"));
        PoolDefinition pool = topology.pools().stream().filter(p -> p.name().equals(poolName)).findFirst()
                .orElseThrow(() -> new TopologyException("the published topology (version " + current.version()
                        + ") has no pool '" + poolName + "'; its pools: " + names(topology.pools().stream()
                        .map(PoolDefinition::name).toList())));
        ServerDefinition server = pool.servers().stream().filter(s -> s.name().equals(serverName)).findFirst()
                .orElseThrow(() -> new TopologyException("pool '" + poolName + "' of the published topology (version "
                        + current.version() + ") has no server '" + serverName + "'; its servers: "
                        + names(pool.servers().stream().map(ServerDefinition::name).toList())));
        StoreDefinition poolStore = topology.store(pool.store()).orElseThrow();
        if (!Databases.same(poolStore, configuredStore)) {
            throw new TopologyException("pool '" + poolName + "' keeps its rooms in store '" + pool.store() + "' ("
                    + describe(poolStore) + "), but this server is configured with " + describe(configuredStore)
                    + "; point store.* at the pool's store");
        }
        if (!topology.domain().equals(domain)) {
            throw new TopologyException("the published topology is for the domain " + topology.domain()
                    + ", but this server's domain is " + domain);
        }
        if (!pool.mucServices().contains(mucDomain)) {
            throw new TopologyException("pool '" + poolName + "' serves " + names(pool.mucServices())
                    + ", but this server's muc.domain is " + mucDomain);
        }
        return new PoolAssignment(current.version(), topology, pool, server);
    }

    private static String describe(StoreDefinition store) {
        return switch (store) {
            case PostgresStoreDefinition p -> "PostgreSQL " + p.url();
            case EmbeddedStoreDefinition e -> "embedded in " + e.dataDir();
        };
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
