package org.perch.xmpp.muc;

import java.util.Optional;
import java.util.function.Consumer;
import org.perch.core.CategoryId;
import org.perch.core.Jid;
import org.perch.domain.chat.MessageFeed;
import org.perch.domain.feeds.TopicFeeds;
import org.perch.store.cluster.PoolEvent;
import org.perch.store.cluster.PoolEventKind;

/**
 * This server's side of the pool feed (ADR 0004): each event read from the feed, in feed order, is queued on the
 * room it is about, behind that room's other tasks. Messages go to this server's occupants, its own posts included
 * (the feed's order is the pool's one order), and so does a server its own sweep declared gone; everything else a
 * server appends it has applied already, so it skips its own events of other kinds.
 */
final class PoolRooms {
    private final MucContext ctx;
    private final LiveRooms rooms;
    private final MessageFeed feed;

    PoolRooms(MucContext ctx, LiveRooms rooms, MessageFeed feed) {
        this.ctx = ctx;
        this.rooms = rooms;
        this.feed = feed;
    }

    /**
     * Follows the feed from its end, then says this server started: the others forget the occupants an earlier run
     * of it left behind and announce their own, which this server reads, having started following first.
     */
    void start() {
        feed.follow(this::apply);
        feed.publish(Optional.empty(), PoolEventKind.SERVER_STARTED, "", "");
    }

    /** Runs on the feed's reader thread, so it only reads the store and queues room tasks. */
    private void apply(PoolEvent event) {
        boolean own = event.origin().equals(feed.origin());
        // A server delivers its own messages from the feed too, and applies its own sweeps' SERVER_GONE; the rest of
        // what it appended it has applied already.
        if (own && event.kind() != PoolEventKind.BROADCAST && event.kind() != PoolEventKind.SERVER_GONE) {
            return;
        }
        switch (event.kind()) {
            case BROADCAST -> {
                inLiveRoom(event, live -> {
                    var stanza = StoredStanza.read(event.payload());
                    live.submitAlways(() -> live.broadcastFromPool(stanza, event.subject()));
                });
                ctx.services().topicFeeds().ifPresent(TopicFeeds::wake); // match what another server stored, now
            }
            case PRIVATE -> inLiveRoom(event, live -> live.submitAlways(() -> PoolOccupants.relayed(live, event)));
            // Loaded if need be: someone may join it here later, and must then see who is in it elsewhere.
            case OCCUPANT, OCCUPANT_LEFT -> event.room().flatMap(rooms::load).ifPresent(
                    live -> live.submitAlways(() -> PoolOccupants.apply(live, event)));
            case ROOM_CHANGED -> event.room().ifPresent(id -> ctx.chat().room(id).ifPresentOrElse(
                    rooms::roomChanged, () -> rooms.roomDeleted(id)));
            case CATEGORY_CHANGED ->
                    ctx.chat().category(CategoryId.of(event.subject())).ifPresent(rooms::categoryChanged);
            case POLICIES_CHANGED -> rooms.policiesChanged();
            case FILTERS_CHANGED -> Jid.parse(event.subject()).ifPresent(owner -> ctx.services().topicFeeds()
                    .ifPresent(feeds -> feeds.reload(owner)));
            case SERVER_STARTED -> everyRoom(live -> {
                PoolOccupants.dropServer(live, event.origin());
                PoolOccupants.announceAll(live, false);
            });
            case SERVER_GONE -> {
                if (event.subject().equals(feed.origin())) {
                    // Declared gone while alive (a long pause): the others dropped this server's occupants.
                    everyRoom(live -> PoolOccupants.announceAll(live, true));
                } else {
                    everyRoom(live -> PoolOccupants.dropServer(live, event.subject()));
                }
            }
        }
    }

    private void inLiveRoom(PoolEvent event, Consumer<LiveRoom> action) {
        event.room().flatMap(rooms::live).ifPresent(action);
    }

    private void everyRoom(Consumer<LiveRoom> task) {
        for (LiveRoom live : rooms.all()) {
            live.submitAlways(() -> task.accept(live));
        }
    }
}
