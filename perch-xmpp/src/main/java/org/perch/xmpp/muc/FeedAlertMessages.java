package org.perch.xmpp.muc;

import java.util.UUID;
import java.util.stream.Collectors;
import org.perch.core.Jid;
import org.perch.domain.feeds.FeedAlert;
import org.perch.domain.feeds.FeedAlerts;
import org.perch.store.feeds.TopicFilter;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;

/**
 * Sends each alert as a {@code headline} message from the MUC service to every session of the owner on this server
 * that has sent its presence (RFC 6121 §5.2.2: a headline is for whoever is online, and never stored offline). The
 * body reads well in any client; the {@code <alert/>} child carries the room, the stanza-id, the filters and the
 * forwarded message for clients that know {@value TopicFeedQueries#NS}.
 */
final class FeedAlertMessages implements FeedAlerts {
    /** A long post is cut in the alert's body; the whole message is in the forwarded copy. */
    static final int BODY_CHARS = 500;

    private final MucContext ctx;
    private final TopicFeedQueries queries;

    FeedAlertMessages(MucContext ctx, TopicFeedQueries queries) {
        this.ctx = ctx;
        this.queries = queries;
    }

    @Override
    public void send(FeedAlert alert) {
        Jid domain = Jid.domainOnly(ctx.domain());
        Jid roomJid = queries.roomJid(alert.room());
        String filters = alert.filters().stream().map(TopicFilter::id).collect(Collectors.joining(" "));
        XmlElement forwarded = queries.forwarded(alert.message(), alert.owner());
        String text = forwarded.elements().getLast().childText("body", Namespaces.CLIENT).orElse("");
        String body = alert.filters().stream().map(TopicFilter::name).collect(Collectors.joining(", "))
                + ": " + alert.message().nick() + " in " + alert.room().name() + ": " + cut(text);
        for (ClientSession session : ctx.sessions().sessionsOf(alert.owner())) {
            if (session.presence().isEmpty()) {
                continue;
            }
            session.deliver(XmlElement.builder("message", Namespaces.CLIENT)
                    .attribute("from", domain.toString()).attribute("to", session.jid().toString())
                    .attribute("type", "headline").attribute("id", UUID.randomUUID().toString())
                    .textChild("body", Namespaces.CLIENT, body)
                    .child(XmlElement.builder("alert", TopicFeedQueries.NS).attribute("room", roomJid.toString())
                            .attribute("stanza-id", alert.message().stanzaId()).attribute("filters", filters)
                            .child(forwarded).build())
                    .build());
        }
    }

    private static String cut(String text) {
        return text.codePointCount(0, text.length()) <= BODY_CHARS ? text
                : text.substring(0, text.offsetByCodePoints(0, BODY_CHARS)) + "…";
    }
}
