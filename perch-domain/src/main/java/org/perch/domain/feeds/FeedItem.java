package org.perch.domain.feeds;

import java.util.Objects;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.Room;
import org.perch.store.feeds.FeedEntry;

/** An entry of a user's feed with the message it points at, as the room holds it now, and the room. */
public record FeedItem(FeedEntry entry, Room room, ChatMessage message) {
    public FeedItem {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(message, "message");
    }
}
