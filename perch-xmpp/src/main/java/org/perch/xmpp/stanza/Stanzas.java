package org.perch.xmpp.stanza;

import java.util.List;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlNode;

/** Small helpers for the three stanza kinds (RFC 6120 §8): addressing, IQ results, error replies. */
public final class Stanzas {

    private Stanzas() {
    }

    public static boolean isStanza(XmlElement e) {
        return e.namespace().equals(Namespaces.CLIENT)
                && (e.name().equals("message") || e.name().equals("presence") || e.name().equals("iq"));
    }

    public static boolean isIq(XmlElement e) {
        return e.is("iq", Namespaces.CLIENT);
    }

    public static boolean isMessage(XmlElement e) {
        return e.is("message", Namespaces.CLIENT);
    }

    public static boolean isPresence(XmlElement e) {
        return e.is("presence", Namespaces.CLIENT);
    }

    public static String type(XmlElement stanza) {
        return stanza.attributeOr("type", "");
    }

    /** The {@code to} address; empty if absent. Throws {@link StanzaException} jid-malformed if unparsable. */
    public static Optional<Jid> to(XmlElement stanza) {
        return address(stanza, "to");
    }

    public static Optional<Jid> from(XmlElement stanza) {
        return address(stanza, "from");
    }

    private static Optional<Jid> address(XmlElement stanza, String attribute) {
        Optional<String> raw = stanza.attribute(attribute);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<Jid> jid = Jid.parse(raw.get());
        if (jid.isEmpty()) {
            throw new StanzaException(StanzaErrorCondition.JID_MALFORMED, "'" + attribute + "' is not a valid JID");
        }
        return jid;
    }

    /** An empty {@code type='result'} IQ answering the request. */
    public static XmlElement result(XmlElement iq) {
        return result(iq, List.of());
    }

    /** A {@code type='result'} IQ answering the request, with the given payload. */
    public static XmlElement result(XmlElement iq, List<? extends XmlNode> payload) {
        return XmlElement.builder("iq", Namespaces.CLIENT)
                .attribute("type", "result")
                .attribute("id", iq.attributeOr("id", ""))
                .attribute("from", iq.attribute("to").orElse(null))
                .attribute("to", iq.attribute("from").orElse(null))
                .children(payload)
                .build();
    }

    public static XmlElement result(XmlElement iq, XmlElement payload) {
        return result(iq, List.of(payload));
    }

    /**
     * The error reply to a stanza (RFC 6120 §8.3.1): addresses swapped, the original payload kept for
     * messages only, and an {@code <error/>} with the condition and optional text.
     */
    public static XmlElement error(XmlElement stanza, StanzaErrorCondition condition, String text) {
        return error(stanza, condition, text, Optional.empty());
    }

    private static XmlElement error(XmlElement stanza, StanzaErrorCondition condition, String text,
                                    Optional<XmlElement> applicationCondition) {
        XmlElement.Builder error = XmlElement.builder("error", Namespaces.CLIENT)
                .attribute("type", condition.defaultType())
                .child(condition.elementName(), Namespaces.STANZA_ERRORS);
        if (text != null && !text.isEmpty()) {
            error.child(XmlElement.builder("text", Namespaces.STANZA_ERRORS).attribute("xml:lang", "en")
                    .text(text).build());
        }
        applicationCondition.ifPresent(error::child);
        XmlElement.Builder reply = XmlElement.builder(stanza.name(), stanza.namespace())
                .attribute("type", "error")
                .attribute("id", stanza.attribute("id").orElse(null))
                .attribute("from", stanza.attribute("to").orElse(null))
                .attribute("to", stanza.attribute("from").orElse(null));
        if (isMessage(stanza)) {
            // The sender sees which message failed. Presence and IQ payloads are not echoed: clients match
            // those errors by id, and echoed presence children (priority, MUC <x/>) crash some parsers.
            reply.children(stanza.children());
        }
        return reply.child(error.build()).build();
    }

    public static XmlElement error(XmlElement stanza, StanzaException e) {
        return error(stanza, e.condition(), e.text(), e.applicationCondition());
    }

    /** True if answering this stanza with an error is allowed (never answer an error with an error). */
    public static boolean mayBounce(XmlElement stanza) {
        return !type(stanza).equals("error") && !(isIq(stanza) && type(stanza).equals("result"));
    }
}
