package org.perch.domain.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perch.core.RoomId;
import org.perch.store.Store;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryPage;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Retraction;
import org.perch.store.chat.UnreadCount;
import org.perch.store.compliance.CrashPoint;

/**
 * History whose posts and retractions write their compliance events in the same store block: what the history
 * writer and moderation use, so that a message is in the compliance record exactly when it is in history. In a
 * pool, posts go into the pool feed in that block too ({@link MessageFeed}). Reads,
 * and the removals {@link ChatRooms} makes (which record their own events), pass straight through.
 */
final class CapturedHistory implements HistoryStore {

    private final Store store;
    private final ComplianceCapture compliance;
    private final Optional<MessageFeed> feed;
    private final Attachments attachments;

    CapturedHistory(Store store, ComplianceCapture compliance, Optional<MessageFeed> feed, Attachments attachments) {
        this.store = store;
        this.compliance = compliance;
        this.feed = feed;
        this.attachments = attachments;
    }

    @Override
    public List<ChatMessage> append(List<PostedMessage> messages) {
        boolean captured = compliance.enabled();
        boolean files = attachments.mayPostFiles(messages);
        if (!captured && feed.isEmpty() && !files) {
            return store.history().append(messages);
        }
        return store.atomically(() -> {
            List<ChatMessage> stored = store.history().append(messages);
            if (files) {
                attachments.posted(stored);
            }
            if (captured) {
                compliance.posted(stored);
                CrashPoint.reach("capture"); // message and event written, not yet committed
            }
            // After the history ids were taken: their counter row is held to commit, so feed positions follow them.
            feed.ifPresent(f -> f.stored(stored));
            return stored;
        });
    }

    @Override
    public boolean retract(RoomId room, String stanzaId, Retraction retraction) {
        if (!compliance.enabled()) {
            return store.history().retract(room, stanzaId, retraction);
        }
        return store.atomically(() -> {
            Optional<ChatMessage> message = store.history().find(room, stanzaId);
            boolean done = store.history().retract(room, stanzaId, retraction);
            if (done) {
                store.rooms().find(room).ifPresent(r -> compliance.retracted(r,
                        message.orElseThrow().retractedBy(retraction)));
            }
            return done;
        });
    }

    @Override
    public Optional<HistoryPage> query(HistoryQuery query) {
        return store.history().query(query);
    }

    @Override
    public Optional<ChatMessage> find(RoomId room, String stanzaId) {
        return store.history().find(room, stanzaId);
    }

    @Override
    public List<ChatMessage> since(long afterId, int max) {
        return store.history().since(afterId, max);
    }

    @Override
    public long lastId() {
        return store.history().lastId();
    }

    @Override
    public List<String> purge(RoomId room, Instant onOrBefore) {
        return store.history().purge(room, onOrBefore);
    }

    @Override
    public int delete(RoomId room, List<String> stanzaIds) {
        return store.history().delete(room, stanzaIds);
    }

    @Override
    public Optional<UnreadCount> countAfter(RoomId room, Optional<String> afterStanzaId, int max) {
        return store.history().countAfter(room, afterStanzaId, max);
    }

    @Override
    public Map<RoomId, Long> contentSizes() {
        return store.history().contentSizes();
    }
}
