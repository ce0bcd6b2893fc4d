package org.perch.cluster.failover;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.perch.cluster.topology.PoolState;
import org.perch.cluster.topology.ServerDefinition;
import org.perch.cluster.topology.Topology;
import org.perch.cluster.topology.TopologyStores;
import org.perch.store.Store;
import org.perch.store.cluster.PublishedTopology;

/**
 * Fails a pool over to its backup store when the first site is lost: Lync's failover procedure (spec §12.6) done by
 * one command. The backup store is promoted, the pool's state becomes failedOver, and the second site's servers are
 * activated; servers made idle send their clients to an active one. Every step checks first whether an earlier run
 * did it, so the command can be run again after any stop, and it refuses to promote while the first site's store
 * still accepts writes: two primaries would split the pool's history.
 */
public final class PoolFailover {

    private static final int STEPS = 5;

    private final Topology topology;
    private final DatabaseControl databases;
    private final TopologyStores stores;
    private final Clock clock;
    private final ServerWait servers;

    public PoolFailover(Topology topology, DatabaseControl databases, TopologyStores stores, Clock clock,
                        Duration poll) {
        this.topology = topology;
        this.databases = databases;
        this.stores = stores;
        this.clock = clock;
        this.servers = new ServerWait(clock, poll);
    }

    /**
     * Runs the procedure, reporting each step to {@code out} as it ends.
     *
     * @param activate the servers to activate; empty: those idle before the failover (the second site's)
     * @param wait how long to wait for the promotion, and for the servers to apply the new topology
     * @return what the operator does next
     * @throws ProcedureStopped at the first step that could not be done, with the reason
     */
    public List<String> run(String poolName, Optional<List<String>> activate, Duration wait,
                            Consumer<StepReport> out) {
        Procedure procedure = new Procedure(STEPS, out);
        DisasterRecoveryPool pool = DisasterRecoveryPool.check(procedure, topology, poolName);
        procedure.step("check that store '" + pool.store().name() + "' no longer accepts writes", () -> {
            List<DatabaseHost> hosts = databases.hosts(pool.store());
            DisasterRecoveryPool.first(hosts, DatabaseHost.Primary.class).ifPresent(p -> {
                throw new Procedure.Stop(p.host() + " still accepts writes. If the first site is up, there is"
                        + " nothing to fail over; if it is being lost, stop that database (fence it) first: a"
                        + " promoted backup beside it would split the pool's history");
            });
            return Procedure.Result.done(DisasterRecoveryPool.describe(hosts));
        });
        procedure.step("promote backup store '" + pool.backup().name() + "'",
                () -> DisasterRecoveryPool.promote(databases, pool.backup(), "the backup store", wait));
        Set<String> active = procedure.step("publish the topology with pool '" + poolName + "' failed over",
                () -> publish(pool, activate));
        procedure.step("wait for the servers to apply it", () -> {
            try (Store store = stores.open(pool.backup())) {
                return servers.await(store, pool.backup().name(), pool.pool(), active, wait);
            }
        });
        return List.of("Clients connected to a server made idle were sent to an active one (see-other-host). Point"
                + " the XMPP domain's SRV records (_xmpp-client._tcp." + topology.domain() + ") at " + String.join(
                ", ", pool.pool().servers().stream().filter(s -> active.contains(s.name()))
                        .map(PoolFailover::address).toList()) + ".",
                "The compliance store is not failed over: events wait in the pool's store until it is reachable.",
                "When the first site is back, rebuild its database as a standby of '" + pool.backup().name()
                        + "' and run 'perch pool failback' (docs/operations.md).");
    }

    /** Publishes the pool failed over, activating {@code activate} or else the servers idle until now. */
    private Procedure.Valued<Set<String>> publish(DisasterRecoveryPool pool, Optional<List<String>> activate) {
        try (Store store = stores.open(pool.backup())) {
            PublishedPool current = PublishedPool.read(store, pool.backup().name(), pool.pool().name());
            if (current.pool().state() == PoolState.FAILED_OVER) {
                Set<String> active = PublishedPool.active(current.pool());
                return Procedure.Result.alreadyDone("version " + current.published().version() + " has it, "
                        + PublishedPool.roles(current.pool(), active)).with(active);
            }
            Set<String> active = activate.map(current::servers).orElseGet(() -> PublishedPool.idle(current.pool()));
            PublishedTopology published = current.publish(store, PoolState.FAILED_OVER, active, clock.instant());
            return Procedure.Result.done("version " + published.version() + " in store '" + pool.backup().name()
                    + "': " + PublishedPool.roles(current.pool(), active)).with(active);
        }
    }

    static String address(ServerDefinition server) {
        return server.host() + ":" + server.clientPort();
    }
}
