package org.perch.domain.feeds;

import java.util.List;
import java.util.Objects;
import org.perch.core.Jid;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.Room;
import org.perch.store.feeds.TopicFilter;

/** A message that matched filters of {@code owner} that ask for alerts, to be sent to the owner at once. */
public record FeedAlert(Jid owner, Room room, ChatMessage message, List<TopicFilter> filters) {
    public FeedAlert {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(message, "message");
        filters = List.copyOf(filters);
    }
}
