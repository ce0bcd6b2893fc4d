package org.perch.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.chat.Room;
import org.perch.store.feeds.TopicFilter;

/**
 * One of the user's topic-feed filters as the page shows and sends it: senders as bare JIDs, rooms with their
 * addresses and names. A room deleted since the filter was saved is left out, as it can match nothing.
 */
record FilterView(String id, String name, boolean alert, List<String> keywords, List<String> phrases,
                  List<String> senders, List<FeedRoomView> rooms) {

    static FilterView of(TopicFilter filter, Function<RoomId, Optional<Room>> rooms, String mucDomain) {
        return new FilterView(filter.id(), filter.name(), filter.alert(), filter.keywords(), filter.phrases(),
                filter.senders().stream().map(Jid::toString).toList(),
                filter.rooms().stream().flatMap(id -> rooms.apply(id).stream())
                        .map(room -> FeedRoomView.of(room, mucDomain)).toList());
    }
}
