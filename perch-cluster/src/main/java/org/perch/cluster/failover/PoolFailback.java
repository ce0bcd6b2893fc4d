package org.perch.cluster.failover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.perch.cluster.topology.PoolDefinition;
import org.perch.cluster.topology.PoolState;
import org.perch.cluster.topology.Topology;
import org.perch.cluster.topology.TopologyStores;
import org.perch.store.Store;
import org.perch.store.cluster.PublishedTopology;

/**
 * Returns a failed-over pool to its chat store in the first site: Lync's failback procedure (spec §12.7) done by one
 * command, once the operator has rebuilt the first site's database as a standby of the backup store. No server takes
 * clients while the pool moves, the backup store is fenced, and the chat store is promoted only once it has replayed
 * everything the backup wrote, so nothing posted during the failover is lost. Every step checks first whether an
 * earlier run did it, so the command can be run again after any stop.
 */
public final class PoolFailback {

    private static final int STEPS = 8;

    private final Topology topology;
    private final DatabaseControl databases;
    private final TopologyStores stores;
    private final Clock clock;
    private final Duration poll;
    private final ServerWait servers;

    public PoolFailback(Topology topology, DatabaseControl databases, TopologyStores stores, Clock clock,
                        Duration poll) {
        this.topology = topology;
        this.databases = databases;
        this.stores = stores;
        this.clock = clock;
        this.poll = poll;
        this.servers = new ServerWait(clock, poll);
    }

    /**
     * Runs the procedure, reporting each step to {@code out} as it ends.
     *
     * @param activate the servers to activate at the end; empty: those the topology file makes active
     * @param wait how long to wait for each of: the servers, the replay, the promotion
     * @return what the operator does next
     * @throws ProcedureStopped at the first step that could not be done, with the reason
     */
    public List<String> run(String poolName, Optional<List<String>> activate, Duration wait,
                            Consumer<StepReport> out) {
        Procedure procedure = new Procedure(STEPS, out);
        DisasterRecoveryPool pool = DisasterRecoveryPool.check(procedure, topology, poolName);
        boolean storeIsPrimary = procedure.step("check the stores", () -> survey(pool));
        procedure.step("make every server of the pool idle", () -> storeIsPrimary ? alreadyMoved(pool)
                : idle(pool, wait));
        procedure.step("fence backup store '" + pool.backup().name() + "'", () -> storeIsPrimary
                ? alreadyMoved(pool) : fence(pool));
        procedure.step("wait for store '" + pool.store().name() + "' to replay all the backup store wrote", () ->
                storeIsPrimary ? alreadyMoved(pool) : catchUp(pool, wait));
        procedure.step("promote store '" + pool.store().name() + "'", () -> DisasterRecoveryPool.promote(
                databases, pool.store(), "store '" + pool.store().name() + "'", wait));
        Set<String> active = procedure.step("publish the topology with pool '" + poolName + "' back to normal",
                () -> publishNormal(pool, activate));
        procedure.step("wait for the servers to apply it", () -> {
            try (Store store = stores.open(pool.store())) {
                return servers.await(store, pool.store().name(), pool.pool(), active, wait);
            }
        });
        return List.of("Point the XMPP domain's SRV records (_xmpp-client._tcp." + topology.domain() + ") at "
                        + String.join(", ", pool.pool().servers().stream().filter(s -> active.contains(s.name()))
                                .map(PoolFailover::address).toList()) + ".",
                "Backup store '" + pool.backup().name() + "' is fenced and no longer a copy: rebuild it as a standby"
                        + " of '" + pool.store().name() + "' (docs/operations.md) so that the pool can fail over"
                        + " again.");
    }

    /**
     * Where the procedure stands: the backup store the primary with the chat store its standby (the start), the
     * backup fenced (a run stopped after step 4), or the chat store already promoted (a run stopped after step 6).
     * Two primaries, or a chat store not rebuilt as a standby, stop it.
     *
     * @return whether the chat store already accepts writes
     */
    private Procedure.Valued<Boolean> survey(DisasterRecoveryPool pool) {
        List<DatabaseHost> store = databases.hosts(pool.store());
        List<DatabaseHost> backup = databases.hosts(pool.backup());
        String seen = "store '" + pool.store().name() + "': " + DisasterRecoveryPool.describe(store)
                + "; backup store '" + pool.backup().name() + "': " + DisasterRecoveryPool.describe(backup);
        boolean storePrimary = DisasterRecoveryPool.first(store, DatabaseHost.Primary.class).isPresent();
        boolean backupPrimary = DisasterRecoveryPool.first(backup, DatabaseHost.Primary.class).isPresent();
        boolean backupFenced = DisasterRecoveryPool.first(backup, DatabaseHost.Fenced.class).isPresent();
        boolean storeStandby = DisasterRecoveryPool.first(store, DatabaseHost.Standby.class).isPresent();
        if (storePrimary && backupPrimary) {
            throw new Procedure.Stop("both stores accept writes (" + seen + "): the pool's history has split."
                    + " Fence the one the servers do not use, and reconcile by hand before failing back");
        }
        if (storePrimary) {
            return Procedure.Result.done(seen + "; resuming at step 6").with(true);
        }
        if ((backupPrimary || backupFenced) && storeStandby) {
            return Procedure.Result.done(seen).with(false);
        }
        if (backupPrimary) {
            throw new Procedure.Stop(seen + ". Rebuild store '" + pool.store().name() + "' as a standby of backup"
                    + " store '" + pool.backup().name() + "' first (docs/operations.md, Failing back)");
        }
        throw new Procedure.Stop(seen + ": no store can take the pool's writes now");
    }

    private Procedure.Result alreadyMoved(DisasterRecoveryPool pool) {
        return Procedure.Result.alreadyDone("store '" + pool.store().name() + "' already accepts writes");
    }

    /** Lync's failback step 1: no server takes clients, so nothing is posted while the pool moves. */
    private Procedure.Result idle(DisasterRecoveryPool pool, Duration wait) {
        if (DisasterRecoveryPool.first(databases.hosts(pool.backup()), DatabaseHost.Fenced.class).isPresent()) {
            return Procedure.Result.alreadyDone("the backup store is fenced: nothing can be posted");
        }
        try (Store store = stores.open(pool.backup())) {
            PublishedPool current = PublishedPool.read(store, pool.backup().name(), pool.pool().name());
            String version;
            if (current.is(PoolState.FAILED_OVER, Set.of())) {
                version = "version " + current.published().version() + " already has every server idle; ";
            } else {
                PublishedTopology published = current.publish(store, PoolState.FAILED_OVER, Set.of(), clock.instant());
                version = "version " + published.version() + " published; ";
            }
            return Procedure.Result.done(version + servers.await(store, pool.backup().name(), current.pool(),
                    Set.of(), wait).detail());
        }
    }

    private Procedure.Result fence(DisasterRecoveryPool pool) {
        List<DatabaseHost> backup = databases.hosts(pool.backup());
        Optional<DatabaseHost.Fenced> fenced = DisasterRecoveryPool.first(backup, DatabaseHost.Fenced.class);
        if (fenced.isPresent()) {
            return Procedure.Result.alreadyDone(fenced.get().host() + " is read-only");
        }
        DatabaseHost.Primary primary = DisasterRecoveryPool.first(backup, DatabaseHost.Primary.class).orElseThrow(() ->
                new Procedure.Stop("the backup store has no primary to fence: " + DisasterRecoveryPool.describe(backup)));
        databases.fence(pool.backup(), primary.host());
        return Procedure.Result.done(primary.host() + " is read-only and its sessions ended");
    }

    /** Waits until the chat store has replayed the fenced backup's last write: then promoting it loses nothing. */
    private Procedure.Result catchUp(DisasterRecoveryPool pool, Duration wait) {
        List<DatabaseHost> backup = databases.hosts(pool.backup());
        long target = DisasterRecoveryPool.first(backup, DatabaseHost.Fenced.class).map(DatabaseHost.Fenced::walPosition)
                .orElseThrow(() -> new Procedure.Stop("the backup store is not fenced: "
                        + DisasterRecoveryPool.describe(backup)));
        Instant deadline = clock.instant().plus(wait);
        while (true) {
            List<DatabaseHost> store = databases.hosts(pool.store());
            Optional<DatabaseHost.Standby> standby = DisasterRecoveryPool.first(store, DatabaseHost.Standby.class);
            if (standby.isEmpty()) {
                throw new Procedure.Stop("store '" + pool.store().name() + "' has no standby any more: "
                        + DisasterRecoveryPool.describe(store));
            }
            if (standby.get().replayPosition() >= target) {
                return Procedure.Result.done(standby.get().host() + " has replayed up to "
                        + Positions.format(standby.get().replayPosition()) + ", the backup's last write being at "
                        + Positions.format(target));
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new Procedure.Stop("after " + ServerWait.seconds(wait) + ", " + standby.get().host()
                        + " has replayed up to " + Positions.format(standby.get().replayPosition()) + " of "
                        + Positions.format(target) + ": check its replication, then run the command again");
            }
            pause();
        }
    }

    /** Lync's failback steps 6 and 7: the servers the file makes active take clients again, the state is normal. */
    private Procedure.Valued<Set<String>> publishNormal(DisasterRecoveryPool pool, Optional<List<String>> activate) {
        try (Store store = stores.open(pool.store())) {
            PublishedPool current = PublishedPool.read(store, pool.store().name(), pool.pool().name());
            if (current.pool().state() == PoolState.NORMAL) {
                Set<String> active = PublishedPool.active(current.pool());
                return Procedure.Result.alreadyDone("version " + current.published().version() + " has it, "
                        + PublishedPool.roles(current.pool(), active)).with(active);
            }
            Set<String> active = activate.map(current::servers).orElseGet(() -> activeInFile(pool.pool()));
            PublishedTopology published = current.publish(store, PoolState.NORMAL, active, clock.instant());
            return Procedure.Result.done("version " + published.version() + " in store '" + pool.store().name()
                    + "': " + PublishedPool.roles(current.pool(), active)).with(active);
        }
    }

    private static Set<String> activeInFile(PoolDefinition inFile) {
        if (inFile.state() != PoolState.NORMAL) {
            throw new Procedure.Stop("the topology file has pool '" + inFile.name() + "' " + inFile.state().jsonName()
                    + ", so it does not say which servers are active normally: name them with --activate");
        }
        return PublishedPool.active(inFile);
    }

    private void pause() {
        try {
            Thread.sleep(poll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Procedure.Stop("interrupted while waiting for the replay");
        }
    }
}
