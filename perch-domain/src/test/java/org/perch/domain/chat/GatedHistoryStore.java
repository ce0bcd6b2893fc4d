package org.perch.domain.chat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import org.perch.core.RoomId;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryPage;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Retraction;

/**
 * The real history store with a gate in front of {@code append}: a test holds the writer inside an append so that
 * what it posts next queues up, which makes batches deterministic. Everything else goes straight through.
 */
final class GatedHistoryStore implements HistoryStore {

    private final HistoryStore real;
    private final Semaphore gate = new Semaphore(0);
    private final Semaphore entered = new Semaphore(0);
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    GatedHistoryStore(HistoryStore real) {
        this.real = real;
    }

    /** Waits until the writer is inside an append, held by the gate. */
    void awaitAppend() throws InterruptedException {
        entered.acquire();
    }

    /** Lets every append through from now on. */
    void open() {
        gate.release(Integer.MAX_VALUE / 2);
    }

    @Override
    public List<ChatMessage> append(List<PostedMessage> messages) {
        batchSizes.add(messages.size());
        threads.add(Thread.currentThread().getName());
        entered.release();
        gate.acquireUninterruptibly();
        return real.append(messages);
    }

    @Override
    public Optional<HistoryPage> query(HistoryQuery query) {
        return real.query(query);
    }

    @Override
    public Optional<ChatMessage> find(RoomId room, String stanzaId) {
        return real.find(room, stanzaId);
    }

    @Override
    public List<ChatMessage> since(long afterId, int max) {
        return real.since(afterId, max);
    }

    @Override
    public long lastId() {
        return real.lastId();
    }

    @Override
    public boolean retract(RoomId room, String stanzaId, Retraction retraction) {
        return real.retract(room, stanzaId, retraction);
    }

    @Override
    public List<String> purge(RoomId room, java.time.Instant onOrBefore) {
        return real.purge(room, onOrBefore);
    }

    @Override
    public int delete(RoomId room, List<String> stanzaIds) {
        return real.delete(room, stanzaIds);
    }

    @Override
    public java.util.Optional<org.perch.store.chat.UnreadCount> countAfter(RoomId room,
            java.util.Optional<String> afterStanzaId, int max) {
        return real.countAfter(room, afterStanzaId, max);
    }

    @Override
    public java.util.Map<RoomId, Long> contentSizes() {
        return real.contentSizes();
    }
}
