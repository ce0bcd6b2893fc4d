package org.perch.domain.feeds;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a user's feed, newest first, and where the next (older) page starts: the id to ask for entries
 * before, absent when this page reached the feed's oldest entry. A page may hold fewer items than asked for when
 * some entries point at messages that were removed or rooms the user may no longer read; paging on is still right.
 */
public record FeedPage(List<FeedItem> items, OptionalLong nextBefore) {
    public FeedPage {
        items = List.copyOf(items);
    }
}
