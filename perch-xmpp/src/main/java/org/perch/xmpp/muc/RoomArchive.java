package org.perch.xmpp.muc;

import java.util.Optional;
import java.util.OptionalLong;
import org.perch.core.Jid;
import org.perch.domain.chat.RoomAccess;
import org.perch.domain.chat.RoomSearch;
import org.perch.store.chat.HistoryPage;
import org.perch.store.chat.Room;
import org.perch.xmpp.iq.IqDispatcher;
import org.perch.xmpp.mam.MamNamespaces;
import org.perch.xmpp.mam.MamQuery;
import org.perch.xmpp.mam.MamResults;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/**
 * A room's archive (XEP-0313 on a MUC room): anyone who may join the room may page through its history, joined
 * or not, and search it (XEP-0431); to anyone else the room does not exist. Queries run on the asker's session, not the room's queue, so a
 * long query never holds up the room.
 */
final class RoomArchive {
    private final MucContext ctx;

    RoomArchive(MucContext ctx) {
        this.ctx = ctx;
    }

    static boolean isQuery(XmlElement stanza) {
        return Stanzas.isIq(stanza) && stanza.elements().size() == 1
                && stanza.elements().getFirst().is("query", MamNamespaces.MAM);
    }

    void handle(ClientSession from, XmlElement iq, Jid roomJid) {
        ctx.chat().requirePersistentChat(from.bareJid());
        Room room = ctx.chat().roomByAddress(roomJid.local()).orElseThrow(ChatErrors::noSuchRoom);
        RoomAccess access = ctx.chat().access(from.bareJid(), room);
        if (!access.canSee()) {
            throw ChatErrors.noSuchRoom();
        }
        if (!access.canReadHistory()) {
            throw new StanzaException(StanzaErrorCondition.FORBIDDEN, "only those who may join read the archive");
        }
        XmlElement query = IqDispatcher.payloadOf(iq);
        if (Stanzas.type(iq).equals("get")) {
            from.deliver(MamResults.form(iq));
            return;
        }
        MamQuery q = MamQuery.parse(query, room.id(), ctx.maxArchivePage());
        HistoryPage page = q.fulltext().isPresent() ? search(from, room, q)
                : ctx.history().query(q.history()).orElseThrow(RoomArchive::unknownId);
        ctx.chat().compliance().readHistory(from.bareJid(), room, q.fulltext().map(words -> "search: " + words)
                .orElse("archive query") + ": " + page.messages().size() + " messages");
        from.deliverArchiveResults(MamResults.messages(q, page, roomJid.toBare(), from.jid(),
                m -> ReaderLinks.forReader(ctx.services().files(), StoredStanza.read(m.payload()), from.bareJid())));
        from.deliver(MamResults.fin(iq, page));
    }

    /** XEP-0431 in one room: the RSM markers are the room's stanza-ids, as for any query on it. */
    private HistoryPage search(ClientSession from, Room room, MamQuery q) {
        OptionalLong after = idOf(room, q.history().after());
        OptionalLong before = idOf(room, q.history().before());
        RoomSearch.Found found = ctx.search().inRoom(from.bareJid(), room, q.search(after, before));
        return new HistoryPage(found.messages(), found.complete());
    }

    private OptionalLong idOf(Room room, Optional<String> stanzaId) {
        if (stanzaId.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ctx.search().idOf(room, stanzaId.get()).orElseThrow(RoomArchive::unknownId));
    }

    private static StanzaException unknownId() {
        return new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND, "no message with that id in this archive");
    }
}
