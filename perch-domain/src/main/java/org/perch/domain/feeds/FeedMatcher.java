package org.perch.domain.feeds;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import org.perch.core.BackgroundThreads;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.Room;
import org.perch.store.feeds.NewFeedEntry;
import org.perch.store.feeds.TopicFeedStore;
import org.perch.store.feeds.TopicFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows room history on its own thread ({@value #THREAD_NAME}) and matches every stored message against every
 * user's filters. Matches go into the feeds in one store transaction per page of history, together with how far
 * this server has matched; so after a crash or a restart the matcher goes on from there and nothing stored is left
 * unmatched (the store skips entries it already holds). Every server of a pool follows the whole history, as each
 * must alert its own sessions; the entries they both add are stored once.
 *
 * <p>Only fresh matches (posted within {@link #ALERT_WITHIN}) are alerted: a server catching up lists the rest in
 * the feeds without sending a burst of stale alerts.
 */
final class FeedMatcher implements AutoCloseable {
    static final String THREAD_NAME = "perch-topic-feeds";
    /** Messages read from history at a time, and so matched per store transaction. */
    static final int PAGE = 512;
    /** Each feed keeps its newest this many entries: a person reads the newest, and the table stays bounded. */
    static final int KEEP_PER_OWNER = 1_000;
    /** How often history is looked at without a wake-up: how late another pool server's posts may be matched. */
    static final Duration POLL_EVERY = Duration.ofSeconds(1);
    static final Duration ALERT_WITHIN = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(FeedMatcher.class);

    /**
     * Whether a user may read a room now (the account, the Persistent Chat policy, the room's access rules), asked
     * through a check made for one page of history: it may remember what it read from the store for that page.
     */
    @FunctionalInterface
    interface Readers {
        BiPredicate<Jid, Room> forPage();
    }

    /** The room a message was posted in, if it still exists. */
    @FunctionalInterface
    interface Rooms {
        Optional<Room> find(RoomId id);
    }

    private final HistoryStore history;
    private final TopicFeedStore feeds;
    private final FilterIndex index;
    private final Rooms rooms;
    private final Readers readers;
    private final String server;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name(THREAD_NAME).daemon().factory());
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile FeedAlerts alerts = FeedAlerts.NONE;
    private volatile long position;
    private boolean failing;

    FeedMatcher(HistoryStore history, TopicFeedStore feeds, FilterIndex index, Rooms rooms, Readers readers,
                String server, Clock clock) {
        this.history = history;
        this.feeds = feeds;
        this.index = index;
        this.rooms = rooms;
        this.readers = readers;
        this.server = server;
        this.clock = clock;
    }

    /** Starts from where this server last matched; a server that never matched starts at history's end. */
    void start(FeedAlerts alerts) {
        this.alerts = alerts;
        position = feeds.matchedThrough(server).orElseGet(history::lastId);
        thread.scheduleWithFixedDelay(this::wake, 0, POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Messages were stored: match them soon. A burst of wake-ups queues one read. */
    void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    queued.set(false);
                    readAll();
                });
            } catch (RejectedExecutionException closed) {
                // Stopped: whatever is left is matched from the stored position when the server starts again.
            }
        }
    }

    /** The history id up to which this server has matched. */
    long position() {
        return position;
    }

    private void readAll() {
        try {
            if (index.owners() == 0) {
                skipToEnd(); // nothing could match: no need to read what was posted
            } else {
                List<ChatMessage> page;
                while (!(page = history.since(position, PAGE)).isEmpty()) {
                    matchPage(page);
                    position = page.getLast().id();
                }
            }
            failing = false;
        } catch (RuntimeException e) {
            // Said once per outage: the next wake-up reads from the same position, so nothing is skipped.
            if (!failing) {
                failing = true;
                LOG.warn("Could not match messages after history id {} against topic feeds; retrying", position, e);
            }
        }
    }

    private void skipToEnd() {
        long last = history.lastId();
        if (last > position) {
            feeds.append(List.of(), KEEP_PER_OWNER, server, last);
            position = last;
        }
    }

    private record Reader(Jid user, RoomId room) {
    }

    private void matchPage(List<ChatMessage> page) {
        List<NewFeedEntry> entries = new ArrayList<>();
        List<FeedAlert> toAlert = new ArrayList<>();
        Map<RoomId, Optional<Room>> roomsSeen = new HashMap<>();
        Map<Reader, Boolean> mayRead = new HashMap<>();
        BiPredicate<Jid, Room> readable = readers.forPage();
        for (ChatMessage message : page) {
            Map<Jid, List<TopicFilter>> matched = index.match(message);
            if (matched.isEmpty()) {
                continue;
            }
            Optional<Room> room = roomsSeen.computeIfAbsent(message.room(), rooms::find);
            if (room.isEmpty()) {
                continue;
            }
            boolean fresh = !message.timestamp().isBefore(clock.instant().minus(ALERT_WITHIN));
            matched.forEach((owner, filters) -> {
                if (!mayRead.computeIfAbsent(new Reader(owner, message.room()),
                        r -> readable.test(owner, room.get()))) {
                    return;
                }
                entries.add(new NewFeedEntry(owner, message.room(), message.stanzaId(), message.id(),
                        message.timestamp(), filters.stream().map(TopicFilter::id).toList()));
                List<TopicFilter> alerting = filters.stream().filter(TopicFilter::alert).toList();
                if (fresh && !alerting.isEmpty()) {
                    toAlert.add(new FeedAlert(owner, room.get(), message, alerting));
                }
            });
        }
        feeds.append(entries, KEEP_PER_OWNER, server, page.getLast().id());
        toAlert.forEach(alerts::send);
    }

    @Override
    public void close() {
        if (!BackgroundThreads.stop(thread, Duration.ofSeconds(10))) {
            LOG.warn("The topic feed matcher did not stop within 10 s");
        }
    }
}
