package org.perch.xmpp.iq;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/** Finds the handler of an IQ's payload namespace; unknown payloads get {@code service-unavailable}. */
public final class IqDispatcher {
    private final Map<String, IqHandler> handlers;

    public IqDispatcher(List<IqHandler> handlers) {
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(IqHandler::namespace,
                Function.identity()));
    }

    public Optional<IqHandler> handlerFor(XmlElement payload) {
        return Optional.ofNullable(handlers.get(payload.namespace()));
    }

    /** Checks the IQ's shape (RFC 6120 §8.2.3) and returns the handler's reply. */
    public XmlElement dispatch(ClientSession from, XmlElement iq) {
        XmlElement payload = payloadOf(iq);
        IqHandler handler = handlerFor(payload).orElseThrow(
                () -> new StanzaException(StanzaErrorCondition.SERVICE_UNAVAILABLE));
        try {
            return handler.handle(from, iq, payload);
        } catch (StanzaException e) {
            return Stanzas.error(iq, e);
        }
    }

    /** Refuses an IQ set on information that can only be read, naming what it is. */
    public static void requireGet(XmlElement iq, String what) {
        if (!Stanzas.type(iq).equals("get")) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, what + " is read-only");
        }
    }

    /** The single child of a get or set IQ; anything else is a bad request. */
    public static XmlElement payloadOf(XmlElement iq) {
        String type = Stanzas.type(iq);
        if (!type.equals("get") && !type.equals("set")) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "IQ type must be get or set");
        }
        if (iq.attribute("id").isEmpty()) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "IQ needs an id");
        }
        List<XmlElement> children = iq.elements();
        if (children.size() != 1) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "an IQ get or set has exactly one payload");
        }
        return children.getFirst();
    }
}
