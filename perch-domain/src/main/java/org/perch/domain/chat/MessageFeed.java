package org.perch.domain.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * How the messages of a pool's rooms reach every server of the pool (ADR 0004). A server appends each message it
 * stores to the pool feed in the transaction that stores it, so the feed's order is the order of the stored ids;
 * and it delivers to its own occupants only what it reads back from the feed, its own posts included, so that every
 * occupant of the pool sees one order. One thread reads, woken by the store's {@link FeedSignal} and, as a safety
 * net, every {@link #POLL_EVERY}.
 */
public final class MessageFeed implements AutoCloseable {

    /** Events read at a time. */
    static final int PAGE = 256;
    /** How often the reader looks without being woken: a wake-up lost with a database connection costs this. */
    static final Duration POLL_EVERY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(MessageFeed.class);

    private final PoolFeed feed;
    private final FeedSignal signal;
    private final String origin;
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("perch-pool-feed").daemon().factory());
    /** Set while a read is queued, so that a burst of wake-ups queues one. */
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile long position;
    private Optional<FeedSignal.Listening> listening = Optional.empty();
    private boolean failing;

    /** @param origin this server's name in the topology, which its events carry */
    public MessageFeed(PoolFeed feed, FeedSignal signal, String origin) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.signal = Objects.requireNonNull(signal, "signal");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** Appends stored messages to the feed; called inside the store block that stores them. */
    void stored(List<ChatMessage> messages) {
        feed.append(messages.stream().map(m -> new NewPoolEvent(origin, Optional.of(m.room()),
                PoolEventKind.BROADCAST, m.stanzaId(), m.payload(), m.timestamp())).toList());
    }

    /** Appends a stanza for every occupant of the room that is not stored (its category keeps no history). */
    public void broadcast(RoomId room, String stanzaId, String stanza, Instant at) {
        feed.append(List.of(new NewPoolEvent(origin, Optional.of(room), PoolEventKind.BROADCAST, stanzaId, stanza,
                at)));
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
                        deliver.accept(event);
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
        listening.ifPresent(FeedSignal.Listening::close);
        if (!BackgroundThreads.stop(reader, Duration.ofSeconds(10))) {
            LOG.warn("The pool feed reader did not stop within 10 s");
        }
    }
}
