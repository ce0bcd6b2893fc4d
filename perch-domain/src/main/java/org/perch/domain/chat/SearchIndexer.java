package org.perch.domain.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import org.perch.core.RoomId;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.MessageIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the full-text index following history. Stored messages, retractions and room deletions are queued and
 * applied in order by one thread ({@value #THREAD_NAME}), so a retraction can never be overtaken by the message it
 * retracts, and indexing never slows the delivery of a message. On start {@link #catchUp()} indexes what history
 * holds beyond the index's last id, so a crash between storing and indexing loses nothing from search.
 */
public final class SearchIndexer implements AutoCloseable, RoomEvents {
    public static final String THREAD_NAME = "perch-search-indexer";
    private static final int CATCH_UP_PAGE = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);

    private sealed interface Op {
    }

    private record Add(List<ChatMessage> messages) implements Op {
    }

    private record Remove(RoomId room, String stanzaId) implements Op {
    }

    private record RemoveRoom(RoomId room) implements Op {
    }

    private enum Stop implements Op { INSTANCE }

    private final HistoryStore history;
    private final MessageIndex index;
    private final LinkedBlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final Thread worker;

    public SearchIndexer(HistoryStore history, MessageIndex index) {
        this.history = Objects.requireNonNull(history, "history");
        this.index = Objects.requireNonNull(index, "index");
        this.worker = new Thread(this::run, THREAD_NAME);
        worker.start();
    }

    /** Indexes, before returning, every stored message the index has not seen; returns how many there were. */
    public long catchUp() {
        return catchUp(0);
    }

    /**
     * Like {@link #catchUp()}, reading again the {@code overlap} ids before the index's last one. In a pool the
     * index is shared: another server may have indexed later ids while a server that then crashed had stored a
     * message but not indexed it. Adding an indexed message again replaces it, so the overlap costs only time.
     *
     * @return how many messages were indexed, those read again included
     */
    public long catchUp(long overlap) {
        long after = Math.max(0, index.lastIndexedId() - overlap);
        long count = 0;
        List<ChatMessage> page;
        while (!(page = history.since(after, CATCH_UP_PAGE)).isEmpty()) {
            index.add(page);
            count += page.size();
            after = page.getLast().id();
        }
        return count;
    }

    /** Messages just stored (called by the history writer's thread: it only queues). */
    public void stored(List<ChatMessage> messages) {
        queue.add(new Add(List.copyOf(messages)));
    }

    @Override
    public void on(RoomEvent event) {
        switch (event) {
            case RoomEvent.MessageRetracted r -> queue.add(new Remove(r.room().id(), r.tombstone().stanzaId()));
            case RoomEvent.RoomDeleted d -> queue.add(new RemoveRoom(d.room().id()));
            case RoomEvent.HistoryCleared h -> h.stanzaIds().forEach(id -> queue.add(new Remove(h.room().id(), id)));
            case RoomEvent.MessagesRemoved m -> m.stanzaIds().forEach(id -> queue.add(new Remove(m.room().id(), id)));
            case RoomEvent.RoomCreated c -> { }
            case RoomEvent.RoomChanged c -> { }
            case RoomEvent.CategoryCreated c -> { }
            case RoomEvent.CategoryChanged c -> { }
            case RoomEvent.CategoryDeleted d -> { }
            case RoomEvent.PoliciesChanged p -> { }
        }
    }

    /** Applies what is queued, then stops. */
    @Override
    public void close() {
        queue.add(Stop.INSTANCE);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Op> ops = new ArrayList<>();
        while (true) {
            ops.clear();
            try {
                ops.add(queue.take());
            } catch (InterruptedException e) {
                continue; // close() stops this thread, not an interrupt
            }
            queue.drainTo(ops);
            if (apply(ops)) {
                return;
            }
        }
    }

    /** Adds consecutive batches in one index call (one commit); returns true at the stop marker. */
    private boolean apply(List<Op> ops) {
        List<ChatMessage> adds = new ArrayList<>();
        for (Op op : ops) {
            if (op instanceof Add add) {
                adds.addAll(add.messages());
                continue;
            }
            flush(adds);
            try {
                switch (op) {
                    case Remove r -> index.remove(r.room(), r.stanzaId());
                    case RemoveRoom r -> index.removeRoom(r.room());
                    case Stop s -> {
                        return true;
                    }
                    case Add a -> throw new IllegalStateException("handled above");
                }
            } catch (RuntimeException e) {
                LOG.warn("could not update the search index ({})", op, e);
            }
        }
        flush(adds);
        return false;
    }

    private void flush(List<ChatMessage> adds) {
        if (adds.isEmpty()) {
            return;
        }
        try {
            index.add(adds);
        } catch (RuntimeException e) {
            // History keeps them; search misses them unless a later catch-up starts below their ids.
            LOG.error("could not index {} messages; search will not find them", adds.size(), e);
        }
        adds.clear();
    }
}
