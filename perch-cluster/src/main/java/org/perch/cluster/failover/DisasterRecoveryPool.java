package org.perch.cluster.failover;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.perch.cluster.topology.PoolDefinition;
import org.perch.cluster.topology.PostgresStoreDefinition;
import org.perch.cluster.topology.StoreDefinition;
import org.perch.cluster.topology.Topology;

/**
 * A pool that can fail over: its chat store in the first site and its backup store in the second, both PostgreSQL
 * (the topology's rules already keep them apart: no host in common).
 */
record DisasterRecoveryPool(PoolDefinition pool, PostgresStoreDefinition store, PostgresStoreDefinition backup) {

    /**
     * Finds the pool in the operator's topology file.
     *
     * @throws Procedure.Stop saying what is missing
     */
    static DisasterRecoveryPool find(Topology topology, String name) {
        PoolDefinition pool = topology.pools().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new Procedure.Stop("the topology has no pool '" + name + "'; its pools: "
                        + String.join(", ", topology.pools().stream().map(PoolDefinition::name).toList())));
        String backupName = pool.backupStore().orElseThrow(() -> new Procedure.Stop("pool '" + name + "' has no"
                + " backupStore: there is nothing to fail over to (docs/operations.md, Disaster recovery)"));
        return new DisasterRecoveryPool(pool, postgres(topology, pool.store()), postgres(topology, backupName));
    }

    private static PostgresStoreDefinition postgres(Topology topology, String name) {
        Optional<StoreDefinition> store = topology.store(name);
        if (store.isPresent() && store.get() instanceof PostgresStoreDefinition postgres) {
            return postgres;
        }
        throw new Procedure.Stop("store '" + name + "' is not a PostgreSQL database: only PostgreSQL replication"
                + " feeds a backup store");
    }

    /** Step 1 of both procedures: the pool, found and checked. */
    static DisasterRecoveryPool check(Procedure procedure, Topology topology, String name) {
        return procedure.step("check the pool", () -> {
            DisasterRecoveryPool found = find(topology, name);
            return Procedure.Result.done(found.describe()).with(found);
        });
    }

    /**
     * Promotes the first standby of {@code store} (named {@code what} in messages), unless one of its hosts already
     * accepts writes.
     */
    static Procedure.Result promote(DatabaseControl databases, PostgresStoreDefinition store, String what,
                                    Duration wait) {
        List<DatabaseHost> hosts = databases.hosts(store);
        Optional<DatabaseHost.Primary> primary = first(hosts, DatabaseHost.Primary.class);
        if (primary.isPresent()) {
            return Procedure.Result.alreadyDone(primary.get().host() + " accepts writes");
        }
        DatabaseHost.Standby standby = first(hosts, DatabaseHost.Standby.class).orElseThrow(() ->
                new Procedure.Stop("no host of " + what + " can be promoted: " + describe(hosts)));
        databases.promote(store, standby.host(), wait);
        return Procedure.Result.done(standby.host() + " promoted: it accepts writes");
    }

    String describe() {
        return "pool '" + pool.name() + "': store '" + store.name() + "', backup store '" + backup.name() + "'";
    }

    static <T extends DatabaseHost> Optional<T> first(List<DatabaseHost> hosts, Class<T> kind) {
        return hosts.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    static String describe(List<DatabaseHost> hosts) {
        return String.join(", ", hosts.stream().map(DisasterRecoveryPool::describe).toList());
    }

    static String describe(DatabaseHost host) {
        return switch (host) {
            case DatabaseHost.Unreachable u -> u.host() + " does not answer (" + u.reason() + ")";
            case DatabaseHost.Primary p -> p.host() + " accepts writes";
            case DatabaseHost.Fenced f -> f.host() + " is fenced (read-only)";
            case DatabaseHost.Standby s -> s.host() + " is a standby";
        };
    }
}
