package org.perch.cluster.node;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.perch.core.BackgroundThreads;
import org.perch.store.Store;
import org.perch.store.StoreException;
import org.perch.store.cluster.NodeRegistry;
import org.perch.store.cluster.PoolNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server's membership of its pool: registers it in the pool's store, refreshes its heartbeat every
 * {@code every}, and on each beat removes the servers of the pool that have been silent for {@code silentAfter},
 * telling {@code onServerGone} of each (once, whichever server's sweep removed it) so that their occupants can be
 * let go. The removal and what {@code onServerGone} writes to the store commit together: if telling fails, the
 * server stays registered and the next sweep tries again. A server that finds itself removed (it was silent too long: a pause, a lost database) registers again.
 */
public final class Heartbeat implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    /** How often a pool's servers beat. */
    public static final Duration EVERY = Duration.ofSeconds(2);
    /** A server silent this long counts as gone: five missed beats, so a short pause is not mistaken for death. */
    public static final int SILENT_AFTER_SECONDS = 10;
    public static final Duration SILENT_AFTER = Duration.ofSeconds(SILENT_AFTER_SECONDS);

    private final Store store;
    private final NodeRegistry registry;
    private final PoolNode self;
    private final Clock clock;
    private final Duration every;
    private final Duration silentAfter;
    private final IntSupplier connections;
    private final LongSupplier feedPosition;
    private final BooleanSupplier active;
    private final Consumer<PoolNode> onServerGone;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("perch-heartbeat").daemon().factory());
    private boolean failing;

    /**
     * @param self this server as it registers; its {@code lastBeat} is replaced by the clock's time
     * @param silentAfter how long a server may miss beats before it counts as gone; more than {@code every}
     * @param onServerGone runs inside the store block that removes the gone server
     */
    public Heartbeat(Store store, PoolNode self, Clock clock, Duration every, Duration silentAfter,
                     IntSupplier connections, LongSupplier feedPosition, BooleanSupplier active,
                     Consumer<PoolNode> onServerGone) {
        if (silentAfter.compareTo(every.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("silentAfter (" + silentAfter + ") must be at least twice every ("
                    + every + "), or a server would count as gone between two of its beats");
        }
        this.store = Objects.requireNonNull(store, "store");
        this.registry = store.nodes();
        this.self = Objects.requireNonNull(self, "self");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.every = every;
        this.silentAfter = silentAfter;
        this.connections = Objects.requireNonNull(connections, "connections");
        this.feedPosition = Objects.requireNonNull(feedPosition, "feedPosition");
        this.active = Objects.requireNonNull(active, "active");
        this.onServerGone = Objects.requireNonNull(onServerGone, "onServerGone");
    }

    /** Registers this server now (a store failure here fails the start) and beats from then on. */
    public Heartbeat start() {
        register(clock.instant());
        thread.scheduleWithFixedDelay(this::beatQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One beat and one sweep; the scheduled runs call this, and tests call it to step time themselves. */
    void beatOnce() {
        Instant now = clock.instant();
        if (!registry.beat(self.server(), now, active.getAsBoolean(), connections.getAsInt(),
                feedPosition.getAsLong())) {
            LOG.warn("Server {} was removed from pool {} as silent (it missed its heartbeats for {}); registering"
                    + " again", self.server(), self.pool(), silentAfter);
            register(now);
        }
        List<PoolNode> gone = store.atomically(() -> {
            List<PoolNode> removed = registry.removeSilentSince(now.minus(silentAfter));
            removed.forEach(onServerGone);
            return removed;
        });
        for (PoolNode node : gone) {
            LOG.warn("Server {} of pool {} has been silent since {}: its occupants were let go", node.server(),
                    node.pool(), node.lastBeat());
        }
    }

    private void register(Instant now) {
        registry.register(new PoolNode(self.server(), self.pool(), self.host(), active.getAsBoolean(),
                self.startedAt(), now, connections.getAsInt(), feedPosition.getAsLong()));
    }

    private void beatQuietly() {
        try {
            beatOnce();
            if (failing) {
                failing = false;
                LOG.info("Server {} reaches the pool's store again", self.server());
            }
        } catch (RuntimeException e) {
            // Said once per outage: the other servers will count this one as gone if it lasts.
            if (!failing) {
                failing = true;
                LOG.warn("Server {} could not beat in the pool's store; retrying every {}", self.server(), every, e);
            }
        }
    }

    /** Stops beating and leaves the pool, so the others need not wait for the silence to let it go. */
    @Override
    public void close() {
        if (!BackgroundThreads.stop(thread, Duration.ofSeconds(10))) {
            LOG.warn("The heartbeat thread did not stop within 10 s");
        }
        try {
            registry.remove(self.server());
        } catch (StoreException e) {
            LOG.warn("Server {} could not leave pool {} cleanly; the others will count it gone after {}",
                    self.server(), self.pool(), silentAfter, e);
        }
    }
}
