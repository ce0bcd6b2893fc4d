package org.perch.xmpp.muc;

import java.util.Objects;
import java.util.Optional;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.HistoryWriter;
import org.perch.domain.chat.MessageFeed;
import org.perch.domain.chat.RoomEventBus;
import org.perch.domain.chat.RoomModeration;
import org.perch.domain.chat.RoomSearch;
import org.perch.domain.feeds.TopicFeeds;
import org.perch.domain.files.FileSharing;
import org.perch.store.chat.HistoryStore;

/**
 * The domain side of persistent chat that the MUC service runs on: the rooms, the writer that makes messages
 * durable before they are delivered, the history to replay, moderation, search, and the bus on which room
 * changes arrive; in a pool, the feed through which messages reach every server of the pool (and this one's
 * occupants, which then get nothing directly); file posting (XEP-0363), when the server offers uploads; and topic
 * feeds, when it offers them.
 */
public record ChatServices(ChatRooms rooms, HistoryWriter writer, HistoryStore history, RoomModeration moderation,
                           RoomSearch search, RoomEventBus events, Optional<MessageFeed> feed,
                           Optional<FileSharing> files, Optional<TopicFeeds> topicFeeds) {
    public ChatServices {
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(moderation, "moderation");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(topicFeeds, "topicFeeds");
    }

    /** Without file posting and topic feeds. */
    public ChatServices(ChatRooms rooms, HistoryWriter writer, HistoryStore history, RoomModeration moderation,
                        RoomSearch search, RoomEventBus events, Optional<MessageFeed> feed) {
        this(rooms, writer, history, moderation, search, events, feed, Optional.empty(), Optional.empty());
    }
}
