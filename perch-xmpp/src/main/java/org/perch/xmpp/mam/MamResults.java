package org.perch.xmpp.mam;

import java.util.ArrayList;
import java.util.List;
import org.perch.core.Jid;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryPage;
import org.perch.store.chat.Retraction;
import org.perch.xmpp.forms.DataForm;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;

/**
 * What an archive query sends back (XEP-0313 §4.2, §4.3): one message per result, forwarding the stored stanza
 * with its delay stamp, then the IQ result with {@code <fin/>} and the RSM page markers. A retracted message
 * is forwarded as its tombstone: the original without a body, marked retracted (XEP-0424 §5.1).
 */
public final class MamResults {
    private static final String RETRACT = "urn:xmpp:message-retract:1";
    private static final String MODERATE = "urn:xmpp:message-moderate:1";

    private MamResults() {
    }

    /** {@code stored} turns a stored payload back into its stanza. */
    public static List<XmlElement> messages(MamQuery query, HistoryPage page, Jid archive, Jid to,
                                            java.util.function.Function<ChatMessage, XmlElement> stored) {
        List<ChatMessage> ordered = new ArrayList<>(page.messages());
        if (query.flipPage()) {
            java.util.Collections.reverse(ordered);
        }
        List<XmlElement> out = new ArrayList<>(ordered.size());
        for (ChatMessage m : ordered) {
            XmlElement forwarded = forwarded(m, m.retracted() ? tombstone(m, archive) : stored.apply(m));
            out.add(XmlElement.builder("message", Namespaces.CLIENT).attribute("from", archive.toString())
                    .attribute("to", to.toString())
                    .child(XmlElement.builder("result", MamNamespaces.MAM)
                            .attribute("queryid", query.queryId().isEmpty() ? null : query.queryId())
                            .attribute("id", m.stanzaId()).child(forwarded).build())
                    .build());
        }
        return out;
    }

    /** The stanza of a stored message, forwarded (XEP-0297) with the time it was stored. */
    public static XmlElement forwarded(ChatMessage message, XmlElement stanza) {
        return XmlElement.builder("forwarded", MamNamespaces.FORWARD)
                .child(XmlElement.builder("delay", MamNamespaces.DELAY)
                        .attribute("stamp", message.timestamp().toString()).build())
                .child(stanza)
                .build();
    }

    /** The final IQ result; a room's RSM markers are stanza-ids. */
    public static XmlElement fin(XmlElement iq, HistoryPage page) {
        return fin(iq, page, ChatMessage::stanzaId);
    }

    /** The final IQ result with RSM markers of the archive's choosing (the service archive spans rooms). */
    public static XmlElement fin(XmlElement iq, HistoryPage page,
                                 java.util.function.Function<ChatMessage, String> marker) {
        XmlElement.Builder set = XmlElement.builder("set", MamNamespaces.RSM);
        if (!page.messages().isEmpty()) {
            set.textChild("first", MamNamespaces.RSM, marker.apply(page.messages().getFirst()));
            set.textChild("last", MamNamespaces.RSM, marker.apply(page.messages().getLast()));
        }
        return Stanzas.result(iq, XmlElement.builder("fin", MamNamespaces.MAM)
                .attribute("complete", page.complete() ? "true" : null).child(set.build()).build());
    }

    /** The query form (§4.1.1): the standard filters and the #extended ids. */
    public static XmlElement form(XmlElement iq) {
        DataForm form = new DataForm("form", "", "", List.of(
                DataForm.Field.hidden("FORM_TYPE", MamNamespaces.MAM),
                DataForm.Field.of("with", "jid-single", "Posted by (bare JID)", false),
                DataForm.Field.of("start", "text-single", "Not before", false),
                DataForm.Field.of("end", "text-single", "Not after", false),
                DataForm.Field.of("before-id", "text-single", "Before this id", false),
                DataForm.Field.of("after-id", "text-single", "After this id", false),
                DataForm.Field.of("ids", "text-multi", "Only these ids", false),
                DataForm.Field.of(MamQuery.FULLTEXT, "text-single", "Containing these words", false)));
        return Stanzas.result(iq, XmlElement.builder("query", MamNamespaces.MAM).child(form.toXml()).build());
    }

    /**
     * A moderated tombstone says so (XEP-0425) with the moderator's reason: what an administrator's replacement
     * text (Remove-CsPersistentChatMessage -ReplaceMessage) leaves in the archive.
     */
    private static XmlElement tombstone(ChatMessage m, Jid archive) {
        Retraction r = m.retraction().orElseThrow();
        XmlElement.Builder retracted = XmlElement.builder("retracted", RETRACT).attribute("stamp", r.at().toString());
        if (r.moderated()) {
            retracted.child(XmlElement.builder("moderated", MODERATE).attribute("by", archive.toString()).build());
        }
        if (!r.reason().isEmpty()) {
            retracted.textChild("reason", RETRACT, r.reason());
        }
        return XmlElement.builder("message", Namespaces.CLIENT).attribute("from", archive + "/" + m.nick())
                .attribute("type", "groupchat").child(retracted.build()).build();
    }
}
