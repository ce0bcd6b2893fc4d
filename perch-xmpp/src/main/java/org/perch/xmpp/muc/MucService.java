package org.perch.xmpp.muc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatException;
import org.perch.domain.chat.MessageFeed;
import org.perch.domain.chat.RoomAccess;
import org.perch.domain.chat.RoomEvent;
import org.perch.store.chat.Category;
import org.perch.store.chat.Room;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.session.Component;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/**
 * The Multi-User Chat service ({@code chat.<domain>}) that serves Lync's persistent chat rooms. Stanzas to the
 * service itself are answered here (discovery); stanzas to a room go to its {@link LiveRoom}, which exists
 * for every stored room that has been addressed since start. A join to an address no room has creates the
 * room when the user may create rooms in some category (XEP-0045 §10.1, Lync's Creators).
 */
public final class MucService implements Component {
    private final MucContext ctx;
    private final ServiceDisco disco;
    private final RoomArchive archive;
    private final ServiceArchive search;
    private final FollowedRooms followed;
    private final TopicFeedQueries topicFeeds;
    private final LiveRooms rooms;
    /**
     * The rooms each session has sent a join to, so that a session's end visits those rooms rather than every
     * live one. Entries stay after a leave (a room set holds the rooms a session tried, a handful) and go with the
     * session.
     */
    private final Map<ClientSession, Set<LiveRoom>> joinedBySession = new ConcurrentHashMap<>();

    public MucService(MucContext ctx) {
        this.ctx = ctx;
        this.disco = new ServiceDisco(ctx);
        this.archive = new RoomArchive(ctx);
        this.search = new ServiceArchive(ctx);
        this.followed = new FollowedRooms(ctx);
        this.topicFeeds = new TopicFeedQueries(ctx);
        this.rooms = new LiveRooms(ctx);
    }

    @Override
    public String domain() {
        return ctx.domain();
    }

    @Override
    public void handle(ClientSession from, XmlElement stanza) {
        Jid to = Stanzas.to(stanza).orElseThrow();
        try {
            if (!to.hasLocal()) {
                if (RoomArchive.isQuery(stanza)) {
                    search.handle(from, stanza);
                } else if (FollowedRooms.isQuery(stanza)) {
                    followed.handle(from, stanza);
                } else if (TopicFeedQueries.isQuery(stanza)) {
                    topicFeeds.handle(from, stanza);
                } else {
                    disco.handle(from, stanza);
                }
                return;
            }
            if (RoomArchive.isQuery(stanza) && to.resource().isEmpty()) {
                archive.handle(from, stanza, to);
                return;
            }
            route(from, stanza, to);
        } catch (ChatException e) {
            throw ChatErrors.toStanza(e);
        }
    }

    private void route(ClientSession from, XmlElement stanza, Jid to) {
        boolean join = Stanzas.isPresence(stanza) && Stanzas.type(stanza).isEmpty();
        if (join && to.resource().isEmpty()) {
            throw new StanzaException(StanzaErrorCondition.JID_MALFORMED, "join a room as room@service/nickname");
        }
        if (join && Nicknames.key(to.resource()).isEmpty()) {
            // RFC 8266: spaces and invisible characters alone are no nickname; nobody could tell such occupants apart.
            throw new StanzaException(StanzaErrorCondition.JID_MALFORMED, "a nickname needs a visible character");
        }
        Optional<LiveRoom> found = rooms.byAddress(to.local());
        boolean created = false;
        if (found.isEmpty()) {
            if (!join) {
                if (ChatErrors.answeredAsMissing(stanza)) {
                    throw ChatErrors.noSuchRoom();
                }
                return;
            }
            ctx.chat().requirePersistentChat(from.bareJid()); // before a room is made for someone who may not use it
            found = Optional.of(create(from.bareJid(), to.local()));
            created = true;
        }
        LiveRoom live = found.get();
        if (join) {
            // Before the join is queued, so that sessionEnded, which reads this after the session is marked
            // terminated, either finds the room or the join finds the session terminated (LiveRoom.join).
            joinedBySession.computeIfAbsent(from, k -> ConcurrentHashMap.newKeySet()).add(live);
            if (from.isTerminated()) {
                joinedBySession.remove(from);
            }
        }
        boolean isNew = created;
        live.submit(from, stanza, () -> RoomStanzas.dispatch(live, from, stanza, to.resource(), isNew));
    }

    private LiveRoom create(Jid user, String address) {
        Category category = ctx.chat().creatableCategories(user).stream().findFirst()
                .orElseThrow(ChatErrors::noSuchRoom);
        Room room;
        try {
            room = ctx.chat().createRoom(user, category.id(), address, address);
        } catch (ChatException e) {
            // Someone else created it first, or the address is a name taken by a room the user cannot see:
            // either way the answer is that of a missing room unless the room can now be found.
            return rooms.byAddress(address).orElseThrow(ChatErrors::noSuchRoom);
        }
        return rooms.created(room, category);
    }

    /** Starts matching topic feeds, when the server offers them, with alerts sent to this server's sessions. */
    public void startTopicFeeds() {
        ctx.services().topicFeeds().ifPresent(feeds -> feeds.start(new FeedAlertMessages(ctx, topicFeeds)));
    }

    /**
     * In a pool: follows the pool feed, so that this server's occupants see what happens on the other servers, and
     * tells the pool this server has started.
     */
    public void joinPool(MessageFeed feed) {
        new PoolRooms(ctx, rooms, feed).start();
    }

    /** Domain events: the live room follows every change made to its room, wherever it was made. */
    public void on(RoomEvent event) {
        switch (event) {
            case RoomEvent.RoomChanged changed -> rooms.roomChanged(changed.after());
            case RoomEvent.RoomDeleted deleted -> rooms.roomDeleted(deleted.room().id());
            case RoomEvent.CategoryChanged changed -> rooms.categoryChanged(changed.after());
            case RoomEvent.PoliciesChanged changed -> rooms.policiesChanged();
            case RoomEvent.MessagesRemoved removed -> rooms.live(removed.room().id()).ifPresent(
                    live -> live.submitAlways(() -> Retractions.byAdministrator(live, removed)));
            case RoomEvent.RoomCreated created -> { }
            case RoomEvent.MessageRetracted retracted -> { }
            case RoomEvent.HistoryCleared cleared -> { }
            case RoomEvent.CategoryCreated created -> { }
            case RoomEvent.CategoryDeleted deleted -> { }
        }
    }

    /** XEP-0249 direct invitations to this service's rooms follow the same rule as mediated ones. */
    public void checkInvitation(Jid sender, Jid room) {
        if (!room.domain().equals(ctx.domain()) || !room.hasLocal()) {
            return;
        }
        Room target = ctx.chat().roomByAddress(room.local()).orElseThrow(ChatErrors::noSuchRoom);
        RoomAccess access = ctx.chat().access(sender, target);
        if (!access.canSee()) {
            throw ChatErrors.noSuchRoom();
        }
        if (!access.canInvite()) {
            throw new StanzaException(StanzaErrorCondition.FORBIDDEN, "invitations are off in this room");
        }
    }

    @Override
    public void sessionEnded(ClientSession session) {
        Jid gone = session.jid();
        for (LiveRoom live : joinedBySession.getOrDefault(session, Set.of())) {
            live.submitAlways(() -> live.occupant(gone).ifPresent(o -> live.leave(o, List.of())));
        }
        joinedBySession.remove(session);
    }
}
