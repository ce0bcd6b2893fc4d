package org.perch.xmpp.muc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatException;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.RoomAccess;
import org.perch.store.chat.Category;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.Room;
import org.perch.store.cluster.PoolEventKind;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.session.SerialExecutor;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlNode;

/**
 * A room with people in it: its occupants and the order of what happens to it. Every stanza for the room runs
 * as one task on the room's own serial queue, so occupants, joins and broadcasts never race. A groupchat message
 * is broadcast only once the history writer has stored it (when the category keeps history), and broadcasts go
 * out in the order the messages were stored.
 */
final class LiveRoom {
    private static final int QUEUE_CAPACITY = 10_000;

    final Jid jid;
    final MucContext ctx;
    private final SerialExecutor tasks;
    /** By nickname, in join order. Touched only by room tasks. */
    final OccupantsByNick occupants = new OccupantsByNick();
    /**
     * In a pool, what a joiner was just replayed from history, by stanza-id: a message stored through another server
     * while the join ran is replayed, and its live copy is still on its way through the feed; that copy is not
     * delivered to the joiner again. An entry lasts until the first stored message it does not hold, since the feed
     * brings messages in the order they were stored. Touched only by room tasks.
     */
    private final Map<Jid, Set<String>> replayedTo = new HashMap<>();
    Room room;
    Category category;

    LiveRoom(MucContext ctx, Room room, Category category) {
        this.ctx = ctx;
        this.jid = Jid.bare(room.address(), ctx.domain());
        this.tasks = new SerialExecutor(ctx.executor(), QUEUE_CAPACITY);
        this.room = room;
        this.category = category;
    }

    /** Runs the task on the room's queue; a stanza that fails is answered with its error, never dropped silently. */
    void submit(ClientSession from, XmlElement stanza, Runnable task) {
        boolean queued = tasks.submit(() -> {
            try {
                task.run();
            } catch (ChatException e) {
                bounce(from, stanza, ChatErrors.toStanza(e));
            } catch (StanzaException e) {
                bounce(from, stanza, e);
            }
        });
        if (!queued) {
            bounce(from, stanza, new StanzaException(StanzaErrorCondition.RESOURCE_CONSTRAINT, "the room is busy"));
        }
    }

    /** Runs an internal task (an event, a completed write) that must not be dropped. */
    void submitAlways(Runnable task) {
        tasks.submitAlways(task);
    }

    void snapshot(Room newRoom, Category newCategory) {
        this.room = newRoom;
        this.category = newCategory;
    }

    RoomAccess access(Jid user) {
        return ctx.chat().access(user.toBare(), room, category);
    }

    Optional<Occupant> occupant(Jid fullJid) {
        return occupants.values().stream().filter(o -> o.jid().equals(fullJid)).findFirst();
    }

    boolean broadcastsPresence() {
        return occupants.size() <= ctx.settings().participantUpdateLimit();
    }

    // ---- joining and leaving ----

    void join(ClientSession from, XmlElement presence, String nick, boolean created) {
        if (from.isTerminated()) {
            return; // ended while the join was queued; nobody is left to answer, and nobody must see them arrive
        }
        Jid user = from.bareJid();
        if (!ctx.chat().persistentChatEnabled(user)) {
            throw new StanzaException(StanzaErrorCondition.FORBIDDEN, ChatRooms.POLICY_DISABLED);
        }
        if (ctx.services().feed().isPresent()) {
            readAgain();
        }
        RoomAccess access = access(user);
        if (!access.canSee()) {
            throw ChatErrors.noSuchRoom();
        }
        if (!access.canJoin()) {
            throw new StanzaException(StanzaErrorCondition.REGISTRATION_REQUIRED, "only members may join this room");
        }
        if (occupants.heldByAnother(nick, from.jid())) {
            throw new StanzaException(StanzaErrorCondition.CONFLICT, "that nickname is in use in this room");
        }
        Standing standing = Standing.of(access);
        Occupant me = PoolOccupants.claim(this, Occupant.here(from.jid(), nick, standing.affiliation(),
                standing.role(), presence));
        occupants.put(nick, me);
        ctx.chat().compliance().joined(user, room);
        if (broadcastsPresence()) {
            for (Occupant other : others(me)) {
                from.deliver(OccupantStanzas.presence(jid, other, from.jid(), "", List.of(), ""));
                deliver(other, OccupantStanzas.presence(jid, me, other.jid(), "", List.of(), ""));
            }
        }
        List<Integer> codes = new ArrayList<>(List.of(OccupantStanzas.NON_ANONYMOUS, OccupantStanzas.SELF));
        if (category.flags().chatHistory()) {
            codes.add(OccupantStanzas.LOGGED);
        }
        if (created) {
            codes.add(OccupantStanzas.CREATED);
        }
        from.deliver(OccupantStanzas.presence(jid, me, from.jid(), "", codes, ""));
        if (category.flags().chatHistory()) {
            List<String> replayed = replayHistory(from, HistoryRequest.of(presence, ctx.clock()));
            if (ctx.services().feed().isPresent() && !replayed.isEmpty()) {
                replayedTo.put(from.jid(), new HashSet<>(replayed));
            }
        }
        from.deliver(subject().withAttribute("to", from.jid().toString()));
    }

    /** Sends the history the join asks for; returns the stanza-ids sent. */
    private List<String> replayHistory(ClientSession to, HistoryRequest request) {
        List<ChatMessage> page = ctx.history().query(request.query(room.id(), ctx.settings().defaultChatHistory()))
                .map(p -> p.messages()).orElse(List.of());
        List<ChatMessage> sent = request.trim(page);
        if (!sent.isEmpty()) {
            ctx.chat().compliance().readHistory(to.bareJid(), room, "history on join: " + sent.size() + " messages");
        }
        List<String> replayed = new ArrayList<>(sent.size());
        for (ChatMessage m : sent) {
            if (m.retracted()) {
                continue;
            }
            replayed.add(m.stanzaId());
            XmlElement stored = forReader(StoredStanza.read(m.payload()), to.jid())
                    .withAttribute("to", to.jid().toString());
            List<XmlNode> children = new ArrayList<>(stored.children());
            children.add(XmlElement.builder("delay", MucNamespaces.DELAY).attribute("from", jid.toString())
                    .attribute("stamp", m.timestamp().toString()).build());
            to.deliver(new XmlElement(stored.name(), stored.namespace(), stored.attributes(), children));
        }
        return replayed;
    }

    /** XEP-0045 §7.2.15: the subject comes last in the join, and is sent (empty) even if there is none. */
    XmlElement subject() {
        return XmlElement.builder("message", Namespaces.CLIENT).attribute("from", jid.toString())
                .attribute("type", "groupchat").textChild("subject", Namespaces.CLIENT, room.subject()).build();
    }

    void changePresence(Occupant me, XmlElement presence, String nick) {
        if (!nick.equals(me.nick())) {
            changeNick(me, presence, nick);
            return;
        }
        Occupant updated = me.withPresence(presence);
        occupants.put(nick, updated);
        PoolOccupants.update(this, updated);
        broadcastPresence(updated, "", List.of(), "");
    }

    private void changeNick(Occupant me, XmlElement presence, String nick) {
        if (occupants.heldByAnother(nick, me.jid())) { // a new spelling of one's own nickname is no conflict
            throw new StanzaException(StanzaErrorCondition.CONFLICT, "that nickname is in use in this room");
        }
        // The pool hears of the departure first, as occupants do (XEP-0045 §7.6: 303, then the new presence).
        PoolOccupants.left(this, me, List.of(OccupantStanzas.NICK_CHANGED), nick);
        Occupant renamed;
        try {
            renamed = PoolOccupants.claim(this, me.withNick(nick).withPresence(presence));
        } catch (StanzaException e) {
            PoolOccupants.update(this, me); // still here under the old nickname, for the others too
            throw e;
        }
        depart(me, List.of(OccupantStanzas.NICK_CHANGED), nick);
        occupants.put(nick, renamed);
        broadcastPresence(renamed, "", List.of(), "");
    }

    /** Someone leaves, or is removed by this server (kicked, banned, no longer allowed): everyone is told. */
    void leave(Occupant o, List<Integer> codes) {
        depart(o, codes, "");
        PoolOccupants.left(this, o, codes, "");
        if (o.isHere()) {
            ctx.chat().compliance().parted(o.jid().toBare(), room);
        }
    }

    /** The occupant goes, as this server's occupants (itself included, if here) are told. */
    void depart(Occupant o, List<Integer> codes, String newNick) {
        broadcastPresence(o, "unavailable", codes, newNick);
        occupants.remove(o.nick());
        replayedTo.remove(o.jid());
    }

    /** Tells everyone (the occupant itself always, the others while under the update limit) about a presence. */
    void broadcastPresence(Occupant about, String type, List<Integer> codes, String newNick) {
        boolean everyone = broadcastsPresence();
        for (Occupant o : List.copyOf(occupants.values())) {
            boolean self = o.jid().equals(about.jid());
            if (self || everyone) {
                List<Integer> own = new ArrayList<>(codes);
                if (self) {
                    own.add(OccupantStanzas.SELF);
                }
                deliver(o, OccupantStanzas.presence(jid, about, o.jid(), type, own, newNick));
            }
        }
    }

    // ---- changes made through the domain ----

    /**
     * The room changed (configuration, roles, category, disabled): every occupant gets its new standing, and
     * those who may no longer be here are removed (status 321). A disabled room empties.
     */
    void changed(Room after) {
        recheck(after, categoryOf(after));
    }

    /** The category a room names now: the one held, unless the room moved to another. */
    private Category categoryOf(Room after) {
        return after.category().equals(category.id()) ? category
                : ctx.chat().category(after.category()).orElse(category);
    }

    /**
     * In a pool, a change made through another server reaches this one a feed round trip after it commits; a join
     * decided on the room as it was could refuse someone just made a member, or admit someone just removed. So a
     * join reads the room and its category again (the two reads a join adds in a pool). Everything else a room
     * decides (a post, a configuration) goes by the room and category this server holds, which the feed keeps
     * current.
     */
    private void readAgain() {
        Room now = ctx.chat().room(room.id()).orElseThrow(ChatErrors::noSuchRoom);
        Category nowCategory = ctx.chat().category(now.category()).orElse(category);
        if (!now.equals(room) || !nowCategory.equals(category)) {
            snapshot(now, nowCategory);
        }
    }

    /** The room's category changed (its scope, its switches): the same checks as for a room change. */
    void categoryChanged(Category changed) {
        if (changed.id().equals(category.id())) {
            recheck(room, changed);
        }
    }

    /** A policy or a grant changed: occupants whose policy no longer enables Persistent Chat are removed (321). */
    void policiesChanged() {
        recheck(room, category);
    }

    private void recheck(Room after, Category newCategory) {
        snapshot(after, newCategory);
        if (after.settings().disabled()) {
            ejectAll("the room has been disabled");
            return;
        }
        for (Occupant o : List.copyOf(occupants.values())) {
            if (!o.isHere()) {
                continue; // its own server re-checks it and announces what changed
            }
            RoomAccess a = access(o.jid());
            if (!a.canJoin() || !ctx.chat().persistentChatEnabled(o.jid())) {
                leave(o, List.of(OccupantStanzas.REMOVED_BY_CONFIG));
                continue;
            }
            Standing s = Standing.of(a);
            if (!s.affiliation().equals(o.affiliation()) || !s.role().equals(o.role())) {
                Occupant updated = o.withStanding(s.affiliation(), s.role());
                occupants.put(o.nick(), updated);
                PoolOccupants.update(this, updated);
                broadcastPresence(updated, "", List.of(), "");
            }
        }
    }

    /**
     * XEP-0045 §10.9 destroy, in Lync's terms: only a Persistent Chat administrator deletes a room; a manager's
     * destroy disables it, which empties it and hides it but keeps its history and settings.
     */
    void destroy(Jid requester, String reason) {
        if (ctx.chat().isAdmin(requester)) {
            ctx.chat().deleteRoom(requester, room.id());
        } else {
            ctx.chat().setDisabled(requester, room.id(), true);
        }
        // §10.9: occupants learn of it before the owner's IQ result; the domain event that follows finds none.
        ejectAll(reason);
    }

    void ejectAll(String reason) {
        for (Occupant o : List.copyOf(occupants.values())) {
            XmlElement.Builder destroy = XmlElement.builder("destroy", MucNamespaces.USER);
            if (!reason.isEmpty()) {
                destroy.textChild("reason", MucNamespaces.USER, reason);
            }
            deliver(o, XmlElement.builder("presence", Namespaces.CLIENT)
                    .attribute("from", OccupantStanzas.occupantJid(jid, o.nick())).attribute("to", o.jid().toString())
                    .attribute("type", "unavailable")
                    .child(XmlElement.builder("x", MucNamespaces.USER)
                            .child(XmlElement.builder("item", MucNamespaces.USER).attribute("affiliation", "none")
                                    .attribute("role", "none").build())
                            .child(destroy.build()).build())
                    .build());
            if (o.isHere()) {
                ctx.chat().compliance().parted(o.jid().toBare(), room);
            }
        }
        occupants.clear(); // every server of a pool empties the room on the same change
    }

    // ---- delivery ----

    /** To this server's occupants of the room. */
    void broadcast(XmlElement stanza) {
        Function<Jid, XmlElement> asSeenBy = ReaderLinks.forReaders(ctx.services().files(), stanza);
        for (Occupant o : List.copyOf(occupants.values())) {
            deliver(o, asSeenBy.apply(o.jid()).withAttribute("to", o.jid().toString()));
        }
    }

    /** The stanza with the file URLs it carries made the reader's own. */
    XmlElement forReader(XmlElement stanza, Jid reader) {
        return ReaderLinks.forReader(ctx.services().files(), stanza, reader);
    }

    /**
     * A stanza the pool feed brought for every occupant; {@code storedId} is its stanza-id if it is a message stored
     * in history (empty otherwise), which a joiner may have been replayed already.
     */
    void broadcastFromPool(XmlElement stanza, String storedId) {
        Function<Jid, XmlElement> asSeenBy = ReaderLinks.forReaders(ctx.services().files(), stanza);
        for (Occupant o : List.copyOf(occupants.values())) {
            if (storedId.isEmpty() || !alreadyReplayed(o, storedId)) {
                deliver(o, asSeenBy.apply(o.jid()).withAttribute("to", o.jid().toString()));
            }
        }
    }

    private boolean alreadyReplayed(Occupant o, String stanzaId) {
        Set<String> replayed = replayedTo.get(o.jid());
        if (replayed == null) {
            return false;
        }
        if (replayed.remove(stanzaId)) {
            if (replayed.isEmpty()) {
                replayedTo.remove(o.jid());
            }
            return true;
        }
        replayedTo.remove(o.jid()); // a message stored after the replay: nothing replayed is still to come
        return false;
    }

    /** To every occupant of the room: in a pool through the feed, which brings it back here too, in feed order. */
    void broadcastEverywhere(XmlElement stanza) {
        if (ctx.services().feed().isPresent()) {
            publish(PoolEventKind.BROADCAST, "", stanza);
        } else {
            broadcast(stanza);
        }
    }

    /** Appends an event about this room to the pool feed and returns its position; outside a pool, nothing and 0. */
    long publish(PoolEventKind kind, String subject, XmlElement payload) {
        return ctx.services().feed().map(feed -> feed.publish(Optional.of(room.id()), kind, subject,
                StoredStanza.write(payload))).orElse(0L);
    }

    /** To one occupant, wherever its session is (a private message, an IQ between occupants). */
    void deliverAnywhere(Occupant o, XmlElement stanza) {
        if (o.isHere()) {
            deliver(o, stanza);
        } else {
            PoolOccupants.relay(this, o, stanza);
        }
    }

    /**
     * Delivers to an occupant of this server (others get nothing from here); one whose session has gone is removed
     * quietly (its presence said it left).
     */
    void deliver(Occupant o, XmlElement stanza) {
        if (!o.isHere()) {
            return;
        }
        Optional<ClientSession> session = ctx.sessions().find(o.jid());
        if (session.isPresent()) {
            session.get().deliver(stanza);
        } else if (occupants.remove(o.nick(), o)) {
            PoolOccupants.left(this, o, List.of(), ""); // the session's end then finds no occupant to announce
        }
    }

    private List<Occupant> others(Occupant me) {
        return occupants.values().stream().filter(o -> !o.jid().equals(me.jid())).toList();
    }

    static void bounce(ClientSession to, XmlElement stanza, StanzaException e) {
        if (Stanzas.mayBounce(stanza)) {
            to.deliver(Stanzas.error(stanza, e));
        }
    }
}
