package org.perch.domain.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.perch.core.BackgroundThreads;
import org.perch.core.RoomId;
import org.perch.store.chat.ChatMessage;
import org.perch.store.cluster.FeedSignal;
import org.perch.store.cluster.NewPoolEvent;
import org.perch.store.cluster.PoolEvent;
import org.perch.store.cluster.PoolEventKind;
import org.perch.store.cluster.PoolFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How what happens in a pool's rooms reaches every server of the pool (ADR 0004). A server appends each message it
 * stores to the pool feed in the transaction that stores it, so the feed's order is the order of the stored ids;
 * and it delivers to its own occupants only what it reads back from the feed, its own posts included, so that every
 * occupant of the pool sees one order. Presence, departures and changes made through the domain go into the same
 * feed ({@link #publish}, {@link #share}). One thread reads, woken by the store's {@link FeedSignal} and, as a
 * safety net, every {@link #POLL_EVERY}.
 */
public final class MessageFeed implements AutoCloseable {

    /** Events read at a time. */
    static final int PAGE = 256;
    /** How often the reader looks without being woken: a wake-up lost with a database connection costs this. */
    static final Duration POLL_EVERY = Duration.ofSeconds(1);
    /**
     * How long events stay in the feed. A server reads them within seconds; a day leaves room for any pause, and
     * keeps the table small (every server prunes, which deletes nothing twice).
     */
    static final Duration RETENTION = Duration.ofDays(1);
    static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(MessageFeed.class);

    private final PoolFeed feed;
    private final FeedSignal signal;
    private final String origin;
    private final Duration retention;
    private final Duration pruneEvery;
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("perch-pool-feed").daemon().factory());
    /** Set while a read is queued, so that a burst of wake-ups queues one. */
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Kinds whose events go elsewhere than to the follower ({@link #route}). */
    private final Map<PoolEventKind, Consumer<PoolEvent>> routes = new ConcurrentHashMap<>();
    private volatile long position;
    private Optional<FeedSignal.Listening> listening = Optional.empty();
    private boolean failing;
    private volatile boolean closed;

    /** @param origin this server's name in the topology, which its events carry */
    public MessageFeed(PoolFeed feed, FeedSignal signal, String origin) {
        this(feed, signal, origin, RETENTION, PRUNE_EVERY);
    }

    MessageFeed(PoolFeed feed, FeedSignal signal, String origin, Duration retention, Duration pruneEvery) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.signal = Objects.requireNonNull(signal, "signal");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.pruneEvery = Objects.requireNonNull(pruneEvery, "pruneEvery");
    }

    /** Appends stored messages to the feed; called inside the store block that stores them. */
    void stored(List<ChatMessage> messages) {
        feed.append(messages.stream().map(m -> new NewPoolEvent(origin, Optional.of(m.room()),
                PoolEventKind.BROADCAST, m.stanzaId(), m.payload(), m.timestamp())).toList());
    }

    /** This server's name in the pool: the origin of the events it appends. */
    public String origin() {
        return origin;
    }

    /**
     * Appends one event that is not a stored message (presence, a departure, a stanza kept nowhere else) and returns
     * its position. After {@link #close} nothing is appended and 0 is returned: a stopping server has already told
     * the pool it is gone, and what its last sessions do on their way out no longer matters to anyone.
     */
    public long publish(Optional<RoomId> room, PoolEventKind kind, String subject, String payload) {
        if (closed) {
            return 0;
        }
        return feed.append(List.of(new NewPoolEvent(origin, room, kind, subject, payload, Instant.now())))
                .getFirst().position();
    }

    /**
     * Tells the other servers of a change made through this server's domain, so that each re-reads what changed and
     * re-checks its own occupants. This server's occupants learn of it from the domain event itself; a server skips
     * its own changes when it reads them back. The append follows the change's commit: a server that dies in
     * between leaves the others unaware until the next change of the same room.
     */
    public void share(RoomEvent event) {
        switch (event) {
            case RoomEvent.RoomChanged changed ->
                    publish(Optional.of(changed.after().id()), PoolEventKind.ROOM_CHANGED, "", "");
            case RoomEvent.RoomDeleted deleted ->
                    publish(Optional.of(deleted.room().id()), PoolEventKind.ROOM_CHANGED, "", "");
            case RoomEvent.CategoryChanged changed -> publish(Optional.empty(), PoolEventKind.CATEGORY_CHANGED,
                    changed.after().id().value().toString(), "");
            case RoomEvent.PoliciesChanged changed -> publish(Optional.empty(), PoolEventKind.POLICIES_CHANGED, "", "");
            // Retractions and removals reach occupants as broadcasts through the feed; the rest touch no occupant.
            case RoomEvent.RoomCreated created -> { }
            case RoomEvent.MessageRetracted retracted -> { }
            case RoomEvent.HistoryCleared cleared -> { }
            case RoomEvent.MessagesRemoved removed -> { }
            case RoomEvent.CategoryCreated created -> { }
            case RoomEvent.CategoryDeleted deleted -> { }
        }
    }

    /**
     * Starts reading from the feed's current end, handing each event to {@code deliver} in feed order, on the
     * reader's thread (so {@code deliver} must only queue).
     */
    public synchronized void follow(Consumer<PoolEvent> deliver) {
        if (listening.isPresent()) {
            throw new IllegalStateException("the feed is followed already");
        }
        position = feed.lastPosition();
        listening = Optional.of(signal.listen(() -> readSoon(deliver)));
        reader.scheduleWithFixedDelay(() -> readSoon(deliver), 0, POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        reader.scheduleWithFixedDelay(this::prune, pruneEvery.toMillis(), pruneEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Hands the events of {@code kind} to {@code deliver} rather than to the follower, on the reader's thread (so
     * {@code deliver} must only queue): events about no room, such as an account's PEP notifications, whose reader
     * is not the rooms'. Call it before {@link #follow}, or events of the kind read in between go to the follower.
     */
    public void route(PoolEventKind kind, Consumer<PoolEvent> deliver) {
        if (routes.putIfAbsent(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(deliver, "deliver"))
                != null) {
            throw new IllegalStateException(kind + " events are routed already");
        }
    }

    private void prune() {
        try {
            long pruned = feed.pruneBefore(Instant.now().minus(retention));
            if (pruned > 0) {
                LOG.debug("Pruned {} pool feed events older than {}", pruned, retention);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not prune the pool feed; trying again in {}", pruneEvery, e);
        }
    }

    /** The position of the last event handed on: what the heartbeat reports, to show how far behind this server is. */
    public long position() {
        return position;
    }

    private void readSoon(Consumer<PoolEvent> deliver) {
        if (queued.compareAndSet(false, true)) {
            reader.execute(() -> {
                queued.set(false);
                read(deliver);
            });
        }
    }

    private void read(Consumer<PoolEvent> deliver) {
        try {
            List<PoolEvent> page;
            while (!(page = feed.after(position, PAGE)).isEmpty()) {
                for (PoolEvent event : page) {
                    try {
                        routes.getOrDefault(event.kind(), deliver).accept(event);
                    } catch (RuntimeException e) {
                        LOG.error("Could not deliver pool event {} ({} from {}); going on with the next", event
                                .position(), event.kind(), event.origin(), e);
                    }
                    position = event.position();
                }
            }
            failing = false;
        } catch (RuntimeException e) {
            // Said once per outage: the next wake-up or poll reads from the same position, so nothing is skipped.
            if (!failing) {
                failing = true;
                LOG.warn("Could not read the pool feed after position {}; retrying", position, e);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        listening.ifPresent(FeedSignal.Listening::close);
        if (!BackgroundThreads.stop(reader, Duration.ofSeconds(10))) {
            LOG.warn("The pool feed reader did not stop within 10 s");
        }
    }
}
