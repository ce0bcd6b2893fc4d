package org.perch.server;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.perch.cluster.node.Heartbeat;
import org.perch.core.BackgroundThreads;
import org.perch.cluster.node.PoolAssignment;
import org.perch.cluster.topology.ServerRole;
import org.perch.cluster.topology.TopologyException;
import org.perch.server.config.PerchConfig;
import org.perch.server.config.PoolMember;
import org.perch.store.Store;
import org.perch.store.cluster.PoolNode;
import org.perch.store.cluster.PublishedTopology;
import org.perch.xmpp.stream.OtherHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server in its pool: what the published topology says it is, its heartbeat in the pool's store, and a watch
 * on the topology that opens or closes the client listeners when a newly published version makes it active or
 * idle (how an idle standby is activated: publish the topology with its role changed). A server made idle sends its
 * clients to the servers that version makes active.
 */
final class PoolMembership implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PoolMembership.class);

    private final Store store;
    private final PoolMember member;
    private final PerchConfig config;
    private final ClientListeners listeners;
    private final Heartbeat heartbeat;
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("perch-topology-watch").daemon().factory());
    private volatile PoolAssignment assignment;
    /** The last version that could not be applied, so that its error is logged once, not every poll. */
    private long refusedVersion;

    private PoolMembership(Store store, PoolMember member, PerchConfig config, PoolAssignment assignment,
                           ClientListeners listeners, Heartbeat heartbeat) {
        this.store = store;
        this.member = member;
        this.config = config;
        this.assignment = assignment;
        this.listeners = listeners;
        this.heartbeat = heartbeat;
    }

    /**
     * Reads this server's assignment from the published topology.
     *
     * @throws TopologyException if the topology does not name this server or contradicts its configuration
     */
    static PoolAssignment assignment(Store store, PoolMember member, PerchConfig config) {
        return PoolAssignment.resolve(store.topology().current(), member.pool(), member.server(),
                Stores.definition(config), config.domain(), config.mucDomain());
    }

    /** Joins the pool (registers, starts beating) and starts watching the topology. */
    static PoolMembership start(Store store, PoolMember member, PerchConfig config, PoolAssignment assignment,
                                ClientListeners listeners, IntSupplier connections, LongSupplier feedPosition,
                                Consumer<String> serverGone, Clock clock) {
        PoolNode self = new PoolNode(member.server(), member.pool(), assignment.server().host(), assignment.active(),
                clock.instant(), clock.instant(), 0, 0);
        Heartbeat heartbeat = new Heartbeat(store, self, clock, Heartbeat.EVERY, Heartbeat.SILENT_AFTER,
                connections, feedPosition, listeners::isOpen, gone -> serverGone.accept(gone.server())).start();
        PoolMembership membership = new PoolMembership(store, member, config, assignment, listeners, heartbeat);
        membership.watch.scheduleWithFixedDelay(membership::checkTopology, Heartbeat.EVERY.toMillis(),
                Heartbeat.EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return membership;
    }

    PoolAssignment assignment() {
        return assignment;
    }

    private void checkTopology() {
        try {
            Optional<PublishedTopology> current = store.topology().current();
            long version = current.map(PublishedTopology::version).orElse(0L);
            if (version == assignment.version() || version == refusedVersion) {
                return;
            }
            PoolAssignment next;
            try {
                next = assignment(store, member, config);
            } catch (TopologyException e) {
                refusedVersion = version;
                LOG.error("Topology version {} cannot apply to this server; it keeps version {}: {}", version,
                        assignment.version(), e.getMessage());
                return;
            }
            List<OtherHost> activeServers = activeServers(next);
            LOG.info("Topology version {} published; this server is {}", version, next.active() ? "active" : "idle");
            assignment = next;
            listeners.follow(next.active(), activeServers);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the published topology; trying again in {}", Heartbeat.EVERY, e);
        }
    }

    /** Where the clients of this pool are to go: its active servers, as the topology names them. */
    static List<OtherHost> activeServers(PoolAssignment assignment) {
        return assignment.pool().servers().stream()
                .filter(s -> s.role() == ServerRole.ACTIVE)
                .map(s -> new OtherHost(s.host(), s.clientPort()))
                .toList();
    }

    /** Stops watching and leaves the pool. */
    @Override
    public void close() {
        if (!BackgroundThreads.stop(watch, Duration.ofSeconds(10))) {
            LOG.warn("The topology watch did not stop within 10 s");
        }
        heartbeat.close();
    }
}
