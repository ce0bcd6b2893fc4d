package org.perch.xmpp.muc;

import java.util.Optional;
import java.util.OptionalLong;
import org.perch.core.Jid;
import org.perch.domain.chat.RoomSearch;
import org.perch.store.chat.HistoryPage;
import org.perch.xmpp.iq.IqDispatcher;
import org.perch.xmpp.mam.MamQuery;
import org.perch.xmpp.mam.MamResults;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/**
 * The Lync client's search box: a full-text MAM query (XEP-0313 with XEP-0431) sent to the MUC service itself
 * searches every room the asker may read. Each result forwards the message as its room sent it (from
 * {@code room@service/nick}). The archive spans rooms, so its RSM markers are Perch's message ids, which a client
 * hands back unchanged to page.
 */
final class ServiceArchive {
    private final MucContext ctx;

    ServiceArchive(MucContext ctx) {
        this.ctx = ctx;
    }

    void handle(ClientSession from, XmlElement iq) {
        XmlElement query = IqDispatcher.payloadOf(iq);
        if (Stanzas.type(iq).equals("get")) {
            from.deliver(MamResults.form(iq));
            return;
        }
        // Any room id satisfies the parser; the search replaces the rooms with those the user may read.
        MamQuery q = MamQuery.parse(query, new org.perch.core.RoomId(new java.util.UUID(0, 0)),
                ctx.maxArchivePage());
        if (q.fulltext().isEmpty()) {
            throw new StanzaException(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED,
                    "the service archive only searches: give " + MamQuery.FULLTEXT + ", or query a room");
        }
        RoomSearch.Found found = ctx.search().everywhere(from.bareJid(),
                q.search(marker(q.history().after()), marker(q.history().before())));
        HistoryPage page = new HistoryPage(found.messages(), found.complete());
        from.deliverArchiveResults(MamResults.messages(q, page, Jid.domainOnly(ctx.domain()), from.jid(),
                m -> ReaderLinks.forReader(ctx.services().files(), StoredStanza.read(m.payload()), from.bareJid())));
        from.deliver(MamResults.fin(iq, page, m -> Long.toString(m.id())));
    }

    private static OptionalLong marker(Optional<String> rsm) {
        if (rsm.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(rsm.get().strip()));
        } catch (NumberFormatException e) {
            throw new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND, "not a marker this archive gave out");
        }
    }
}
