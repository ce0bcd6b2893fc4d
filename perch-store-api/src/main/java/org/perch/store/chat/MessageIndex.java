package org.perch.store.chat;

import org.perch.core.RoomId;

/**
 * The full-text index over room history (Lucene for the embedded store). History is the truth and the index
 * follows it: messages are added after they are stored, and on start the index catches up from
 * {@link #lastIndexedId()} so a crash between the two loses nothing. Retracted messages and deleted rooms leave
 * the index. Safe to call from several threads at once.
 */
public interface MessageIndex extends AutoCloseable {

    /**
     * Indexes stored messages (retracted ones are skipped); a search after it returns finds them. An index may
     * make additions durable a little later (the embedded one within a second, and on close): after a crash its
     * {@link #lastIndexedId()} is then that of the last durable addition, and a catch-up from it adds the rest
     * again. Adding a message that is already indexed (same id) replaces it rather than adding a second hit, so a
     * catch-up may overlap.
     */
    void add(java.util.List<ChatMessage> messages);

    /** Forgets one message, durably before it returns, so a retracted body is no longer found, even after a crash. */
    void remove(RoomId room, String stanzaId);

    /** Forgets every message of the room, durably before it returns. */
    void removeRoom(RoomId room);

    /**
     * The hits of a query. Its text is only ever words, never query syntax: quotes, {@code *}, {@code :},
     * brackets or {@code AND} are searched as (or ignored as) text. A text without words (empty, blank or only
     * punctuation) matches nothing, as does an empty set of rooms: the result is empty and complete.
     */
    SearchHits search(SearchQuery query);

    /**
     * The largest message id indexed so far; 0 when nothing was ever added. Retracted messages handed to
     * {@link #add} count, and {@link #remove}/{@link #removeRoom} do not lower it, so a catch-up from it neither
     * misses a message nor brings back a forgotten one.
     */
    long lastIndexedId();

    @Override
    void close();
}
