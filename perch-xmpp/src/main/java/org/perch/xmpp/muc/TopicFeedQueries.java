package org.perch.xmpp.muc;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.perch.core.Jid;
import org.perch.domain.feeds.FeedItem;
import org.perch.domain.feeds.FeedPage;
import org.perch.domain.feeds.FilterDraft;
import org.perch.domain.feeds.TopicFeeds;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.Room;
import org.perch.store.feeds.TopicFilter;
import org.perch.xmpp.iq.IqDispatcher;
import org.perch.xmpp.mam.MamResults;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/**
 * Perch's topic-feed extension ({@value #NS}, IQs to the MUC service): list, save and remove the asker's filters,
 * and page through their feed, newest first. Each feed item forwards the message (XEP-0297) as the room's archive
 * would, with the asker's own file links. docs/client-features.md gives the stanzas and the errors.
 */
final class TopicFeedQueries {
    static final String NS = "urn:perch:feeds:0";
    /** Entries a feed page holds when the client does not say. */
    static final int DEFAULT_PAGE = 20;

    private final MucContext ctx;

    TopicFeedQueries(MucContext ctx) {
        this.ctx = ctx;
    }

    static boolean isQuery(XmlElement stanza) {
        return Stanzas.isIq(stanza) && stanza.elements().size() == 1
                && stanza.elements().getFirst().namespace().equals(NS);
    }

    void handle(ClientSession from, XmlElement iq) {
        TopicFeeds feeds = ctx.services().topicFeeds().orElseThrow(() -> new StanzaException(
                StanzaErrorCondition.SERVICE_UNAVAILABLE, "topic feeds are not offered by this server"));
        XmlElement query = IqDispatcher.payloadOf(iq);
        Jid user = from.bareJid();
        boolean get = Stanzas.type(iq).equals("get");
        XmlElement answer = switch (query.name()) {
            case "filters" -> {
                IqDispatcher.requireGet(iq, "the filter list");
                yield XmlElement.builder("filters", NS).children(feeds.filters(user).stream().map(this::filter)
                        .toList()).build();
            }
            case "filter" -> {
                requireSet(get, "saving a filter");
                yield filter(feeds.save(user, draft(query)));
            }
            case "remove" -> {
                requireSet(get, "removing a filter");
                feeds.remove(user, query.attribute("id").orElseThrow(() -> badRequest("say which filter: id")));
                yield null;
            }
            case "feed" -> {
                IqDispatcher.requireGet(iq, "the feed");
                yield page(from, feeds.page(user, before(query), max(query)));
            }
            default -> throw new StanzaException(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED,
                    "no such topic-feed request: " + query.name());
        };
        from.deliver(answer == null ? Stanzas.result(iq) : Stanzas.result(iq, answer));
    }

    private FilterDraft draft(XmlElement filter) {
        String alert = filter.attributeOr("alert", "true");
        if (!alert.equals("true") && !alert.equals("false")) {
            throw badRequest("alert is true or false");
        }
        List<Jid> senders = texts(filter, "sender").stream().map(s -> Jid.parse(s).filter(Jid::hasLocal)
                .orElseThrow(() -> new StanzaException(StanzaErrorCondition.JID_MALFORMED, "not a user's JID: " + s)))
                .toList();
        List<String> rooms = texts(filter, "room").stream().map(this::roomAddress).toList();
        return new FilterDraft(filter.attribute("id"), filter.attributeOr("name", ""), texts(filter, "keyword"),
                texts(filter, "phrase"), senders, rooms, alert.equals("true"));
    }

    /** A room of this service, by its JID; any other JID names no room the filter could follow. */
    private String roomAddress(String text) {
        return Jid.parse(text).filter(j -> j.hasLocal() && j.resource().isEmpty() && j.domain().equals(ctx.domain()))
                .map(Jid::local).orElseThrow(() -> new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND,
                        "no such room: " + text));
    }

    private static List<String> texts(XmlElement parent, String name) {
        return parent.children(name, NS).stream().map(XmlElement::text).toList();
    }

    private XmlElement filter(TopicFilter f) {
        XmlElement.Builder b = XmlElement.builder("filter", NS).attribute("id", f.id()).attribute("name", f.name())
                .attribute("alert", f.alert());
        f.keywords().forEach(k -> b.textChild("keyword", NS, k));
        f.phrases().forEach(p -> b.textChild("phrase", NS, p));
        f.senders().forEach(s -> b.textChild("sender", NS, s.toString()));
        f.rooms().forEach(id -> ctx.chat().room(id)
                .ifPresent(room -> b.textChild("room", NS, roomJid(room).toString())));
        return b.build();
    }

    private XmlElement page(ClientSession reader, FeedPage page) {
        XmlElement.Builder b = XmlElement.builder("feed", NS)
                .attribute("next-before", page.nextBefore().isPresent() ? page.nextBefore().getAsLong() : null);
        for (FeedItem item : page.items()) {
            b.child(XmlElement.builder("item", NS).attribute("id", item.entry().id())
                    .attribute("room", roomJid(item.room()).toString())
                    .attribute("stanza-id", item.message().stanzaId())
                    .attribute("filters", String.join(" ", item.entry().filters()))
                    .child(forwarded(item.message(), reader.bareJid())).build());
        }
        return b.build();
    }

    /** The message as the room's archive forwards it, with the reader's own file links. */
    XmlElement forwarded(ChatMessage message, Jid reader) {
        return MamResults.forwarded(message, ReaderLinks.forReader(ctx.services().files(),
                StoredStanza.read(message.payload()), reader));
    }

    Jid roomJid(Room room) {
        return Jid.bare(room.address(), ctx.domain());
    }

    private static OptionalLong before(XmlElement feed) {
        Optional<String> before = feed.attribute("before");
        try {
            return before.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(before.get()));
        } catch (NumberFormatException e) {
            throw badRequest("before is the id of a feed item");
        }
    }

    private static int max(XmlElement feed) {
        try {
            int max = Integer.parseInt(feed.attributeOr("max", Integer.toString(DEFAULT_PAGE)));
            if (max < 1 || max > TopicFeeds.MAX_PAGE) {
                throw badRequest("max is from 1 to " + TopicFeeds.MAX_PAGE);
            }
            return max;
        } catch (NumberFormatException e) {
            throw badRequest("max is a number from 1 to " + TopicFeeds.MAX_PAGE);
        }
    }

    private static void requireSet(boolean get, String what) {
        if (get) {
            throw badRequest(what + " is an IQ set");
        }
    }

    private static StanzaException badRequest(String text) {
        return new StanzaException(StanzaErrorCondition.BAD_REQUEST, text);
    }
}
