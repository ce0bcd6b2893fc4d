package org.perch.store.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.perch.core.RoomId;

/**
 * Durable room history. Messages are ordered by the id the store assigns on {@link #append}; a message is
 * durable once {@code append} returns. Safe to call from several threads at once.
 */
public interface HistoryStore {

    /**
     * Stores the messages in one transaction, all or none, assigning increasing ids in list order (later calls
     * get larger ids). Throws {@link org.perch.store.StoreException} if a room is missing or a stanza-id is
     * already used in its room.
     */
    List<ChatMessage> append(List<PostedMessage> messages);

    /** One page of history; empty if {@code after} or {@code before} names a stanza-id not in the room. */
    Optional<HistoryPage> query(HistoryQuery query);

    Optional<ChatMessage> find(RoomId room, String stanzaId);

    /**
     * Up to {@code max} messages of every room with ids above {@code afterId}, in id order: how the full-text
     * index catches up with history after a restart.
     */
    List<ChatMessage> since(long afterId, int max);

    /** Turns the message into a tombstone (body and payload erased); false if the room has no such message. */
    boolean retract(RoomId room, String stanzaId, Retraction retraction);

    /**
     * Deletes, in one transaction, every message of the room stamped at or before {@code onOrBefore}
     * (Clear-CsPersistentChatRoom), tombstones included, and returns their stanza-ids; nothing is left of them.
     */
    List<String> purge(RoomId room, Instant onOrBefore);
}
