package org.perch.store.chat;

import org.perch.core.RoomId;

/**
 * The full-text index over room history (Lucene for the embedded store). History is the truth and the index
 * follows it: messages are added after they are stored, and on start the index catches up from
 * {@link #lastIndexedId()} so a crash between the two loses nothing. Retracted messages and deleted rooms leave
 * the index. Safe to call from several threads at once.
 */
public interface MessageIndex extends AutoCloseable {

    /** Indexes stored messages (retracted ones are skipped); durable once it returns. */
    void add(java.util.List<ChatMessage> messages);

    /** Forgets one message, so a retracted body is no longer found. */
    void remove(RoomId room, String stanzaId);

    /** Forgets every message of the room. */
    void removeRoom(RoomId room);

    SearchHits search(SearchQuery query);

    /** The largest message id indexed so far; 0 when the index is empty. */
    long lastIndexedId();

    @Override
    void close();
}
