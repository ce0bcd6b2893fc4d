package org.perch.xmpp.muc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.domain.chat.RoomAccess;
import org.perch.store.chat.Room;
import org.perch.store.chat.UnreadCount;
import org.perch.store.pep.PepItem;
import org.perch.xmpp.iq.IqDispatcher;
import org.perch.xmpp.pep.PepNamespaces;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.stream.XmlFragment;
import org.perch.xmpp.xml.XmlElement;

/**
 * Perch's followed-rooms query ({@value #NS}, an IQ get to the MUC service): for each of the asker's XEP-0402
 * bookmarks naming a room of this service that the asker may still read, the room's name, the asker's read marker
 * (the stanza-id of their XEP-0490 item for the room), how many messages came after it (counting at most
 * {@value #CAP}), and the newest stanza-id. A room the asker may no longer read is left out as if it did not exist,
 * so that a Secret room they were removed from does not show. Counts read only each room's newest messages.
 */
final class FollowedRooms {
    static final String NS = "urn:perch:followed:0";
    /** Past this many, a count says "{@value}+": a client shows that, and counting further costs reads. */
    static final int CAP = 100;

    private final MucContext ctx;

    FollowedRooms(MucContext ctx) {
        this.ctx = ctx;
    }

    static boolean isQuery(XmlElement stanza) {
        return Stanzas.isIq(stanza) && stanza.elements().size() == 1
                && stanza.elements().getFirst().is("followed", NS);
    }

    void handle(ClientSession from, XmlElement iq) {
        IqDispatcher.requireGet(iq, "the followed rooms list");
        IqDispatcher.payloadOf(iq);
        Jid user = from.bareJid();
        ctx.chat().requirePersistentChat(user);
        List<XmlElement> rooms = new ArrayList<>();
        for (PepItem bookmark : ctx.pep().items(user, PepNamespaces.BOOKMARKS, Integer.MAX_VALUE)) {
            roomOf(bookmark.id()).ifPresent(room -> {
                RoomAccess access = ctx.chat().access(user, room);
                if (access.canSee() && access.canReadHistory()) {
                    rooms.add(entry(user, room));
                }
            });
        }
        from.deliver(Stanzas.result(iq, XmlElement.builder("followed", NS).children(rooms).build()));
    }

    private Optional<Room> roomOf(String bookmarkId) {
        return Jid.parse(bookmarkId)
                .filter(j -> j.hasLocal() && j.resource().isEmpty() && j.domain().equals(ctx.domain()))
                .flatMap(j -> ctx.chat().roomByAddress(j.local()));
    }

    private XmlElement entry(Jid user, Room room) {
        Jid roomJid = Jid.bare(room.address(), ctx.domain());
        Optional<String> lastRead = lastRead(user, roomJid);
        // A marker the room no longer holds (purged, or never its own) leaves everything the room holds unread.
        UnreadCount count = ctx.history().countAfter(room.id(), lastRead, CAP)
                .or(() -> ctx.history().countAfter(room.id(), Optional.empty(), CAP)).orElseThrow();
        return XmlElement.builder("room", NS)
                .attribute("jid", roomJid.toString())
                .attribute("name", room.name())
                .attribute("last-read", lastRead.orElse(null))
                .attribute("unread", count.count())
                .attribute("capped", count.capped() ? "true" : null)
                .attribute("newest", count.newest().orElse(null))
                .build();
    }

    /** The stanza-id in the user's XEP-0490 item for the room, if it names one given by the room. */
    private Optional<String> lastRead(Jid user, Jid roomJid) {
        return ctx.pep().item(user, PepNamespaces.DISPLAYED, roomJid.toString())
                .map(item -> XmlFragment.read(item.payload()))
                .filter(displayed -> displayed.is("displayed", PepNamespaces.DISPLAYED))
                .flatMap(displayed -> displayed.children("stanza-id", PepNamespaces.STANZA_ID).stream()
                        .filter(sid -> sid.attribute("by").map(by -> by.equals(roomJid.toString())).orElse(true))
                        .flatMap(sid -> sid.attribute("id").stream())
                        .findFirst());
    }
}
