package org.perch.web;

import java.util.List;
import org.perch.domain.feeds.FeedItem;

/**
 * An entry of the user's feed as the page shows it: the message's room, its sender's nickname in the room, when
 * it was posted, its text, and the ids of the user's filters it matched.
 *
 * @param id what to page back from: the next page holds the entries before the smallest id seen
 * @param at when the message was posted, ISO-8601 in UTC
 * @param body the message's text, with file links made the reader's own
 */
record FeedEntryView(long id, FeedRoomView room, String sender, String at, String body, List<String> filters) {

    static FeedEntryView of(FeedItem item, String body, String mucDomain) {
        return new FeedEntryView(item.entry().id(), FeedRoomView.of(item.room(), mucDomain), item.message().nick(),
                item.message().timestamp().toString(), body, item.entry().filters());
    }
}
