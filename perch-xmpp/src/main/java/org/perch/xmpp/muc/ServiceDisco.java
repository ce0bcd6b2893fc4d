package org.perch.xmpp.muc;

import java.util.ArrayList;
import java.util.List;
import org.perch.core.Jid;
import org.perch.store.chat.Category;
import org.perch.store.chat.Room;
import org.perch.xmpp.iq.DiscoHandler;
import org.perch.xmpp.iq.IqDispatcher;
import org.perch.xmpp.mam.MamNamespaces;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/**
 * Discovery on the service itself. Its items are the rooms the asker may see (Open and Closed rooms of the
 * categories that allow them, Secret rooms they are members of); node {@value #CATEGORIES} lists the
 * categories the asker is in, and node {@code category/<name>} the rooms of one category.
 */
final class ServiceDisco {
    static final String CATEGORIES = "categories";
    static final String CATEGORY_PREFIX = "category/";

    private final MucContext ctx;

    ServiceDisco(MucContext ctx) {
        this.ctx = ctx;
    }

    void handle(ClientSession from, XmlElement stanza) {
        if (!Stanzas.isIq(stanza)) {
            if (Stanzas.mayBounce(stanza) && !Stanzas.type(stanza).equals("unavailable")) {
                throw new StanzaException(StanzaErrorCondition.SERVICE_UNAVAILABLE, "address a room, not the service");
            }
            return;
        }
        String type = Stanzas.type(stanza);
        if (!type.equals("get") && !type.equals("set")) {
            return;
        }
        XmlElement payload = IqDispatcher.payloadOf(stanza);
        String node = payload.attributeOr("node", "");
        if (payload.is("query", DiscoHandler.INFO)) {
            IqDispatcher.requireGet(stanza, "service discovery");
            from.deliver(Stanzas.result(stanza, info(node)));
        } else if (payload.is("query", DiscoHandler.ITEMS)) {
            IqDispatcher.requireGet(stanza, "service discovery");
            from.deliver(Stanzas.result(stanza, DiscoHandler.query(DiscoHandler.ITEMS, node, items(from.bareJid(), node))));
        } else {
            throw new StanzaException(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        }
    }

    private XmlElement info(String node) {
        if (!node.isEmpty()) {
            throw new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND);
        }
        List<XmlElement> info = new ArrayList<>(List.of(
                DiscoHandler.identity("conference", "text", "Perch persistent chat"),
                DiscoHandler.feature(DiscoHandler.INFO), DiscoHandler.feature(DiscoHandler.ITEMS),
                DiscoHandler.feature(MucNamespaces.MUC), DiscoHandler.feature(MucNamespaces.STANZA_ID),
                DiscoHandler.feature(MucNamespaces.OCCUPANT_ID), DiscoHandler.feature(MamNamespaces.MAM),
                DiscoHandler.feature(MamNamespaces.FULLTEXT),
                DiscoHandler.feature(FollowedRooms.NS)));
        if (ctx.services().topicFeeds().isPresent()) {
            info.add(DiscoHandler.feature(TopicFeedQueries.NS));
        }
        return DiscoHandler.query(DiscoHandler.INFO, "", info);
    }

    private List<XmlElement> items(Jid user, String node) {
        if (node.isEmpty()) {
            return rooms(ctx.chat().visibleRooms(user));
        }
        if (node.equals(CATEGORIES)) {
            return ctx.chat().visibleCategories(user).stream()
                    .map(c -> DiscoHandler.item(ctx.domain(), CATEGORY_PREFIX + c.name(), c.name())).toList();
        }
        if (node.startsWith(CATEGORY_PREFIX)) {
            String name = node.substring(CATEGORY_PREFIX.length());
            Category category = ctx.chat().visibleCategories(user).stream().filter(c -> c.name().equalsIgnoreCase(name))
                    .findFirst().orElseThrow(() -> new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND));
            return rooms(ctx.chat().visibleRooms(user, category.id()));
        }
        throw new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND);
    }

    private List<XmlElement> rooms(List<Room> rooms) {
        return rooms.stream().map(r -> DiscoHandler.item(r.address() + "@" + ctx.domain(), "", r.name())).toList();
    }
}
