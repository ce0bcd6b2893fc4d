package org.perch.xmpp.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.perch.core.Jid;
import org.perch.xmpp.im.MessageDelivery;
import org.perch.xmpp.im.PresenceBroker;
import org.perch.xmpp.iq.IqDispatcher;
import org.perch.xmpp.iq.RegistrationHandler;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/**
 * Routes a bound session's stanzas (RFC 6120 §10): stamps {@code from}, then hands each to the server's IQ
 * handlers, another local session, presence, message delivery, or the component owning the target domain.
 * Perch has no server-to-server links: other domains get {@code remote-server-not-found}.
 */
public final class StanzaRouter {
    private final XmppSettings settings;
    private final SessionRegistry sessions;
    private final IqDispatcher serverIq;
    private final PresenceBroker presence;
    private final MessageDelivery messages;
    private final Map<String, Component> components;
    private final Optional<RegistrationHandler> registration;

    public StanzaRouter(XmppSettings settings, SessionRegistry sessions, IqDispatcher serverIq, PresenceBroker presence,
                        MessageDelivery messages, List<Component> components,
                        Optional<RegistrationHandler> registration) {
        this.settings = settings;
        this.sessions = sessions;
        this.serverIq = serverIq;
        this.presence = presence;
        this.messages = messages;
        this.components = components.stream().collect(Collectors.toUnmodifiableMap(Component::domain,
                Function.identity()));
        this.registration = registration;
    }

    Optional<RegistrationHandler> registration() {
        return registration;
    }

    void route(ClientSession from, XmlElement raw) {
        XmlElement stanza = raw.withAttribute("from", from.jid().toString());
        Optional<Jid> to = Stanzas.to(stanza);
        Component component = to.filter(j -> !settings.isLocal(j)).map(j -> components.get(j.domain())).orElse(null);
        if (component != null) {
            component.handle(from, stanza);
            return;
        }
        if (to.isPresent() && !settings.isLocal(to.get())) {
            throw new StanzaException(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
                    "this server does not federate with " + to.get().domain());
        }
        switch (stanza.name()) {
            case "iq" -> iq(from, stanza, to);
            case "message" -> messages.deliver(stanza, to.orElse(from.bareJid()));
            case "presence" -> presence(from, stanza, to);
            default -> throw new StanzaException(StanzaErrorCondition.BAD_REQUEST);
        }
    }

    private void iq(ClientSession from, XmlElement iq, Optional<Jid> to) {
        String type = Stanzas.type(iq);
        boolean forServer = to.isEmpty() || !to.get().hasLocal() || to.get().equals(from.bareJid());
        if (to.isPresent() && to.get().hasResource()) {
            Optional<ClientSession> target = sessions.find(to.get());
            if (target.isPresent()) {
                target.get().deliver(iq);
                return;
            }
            if (type.equals("get") || type.equals("set")) {
                throw new StanzaException(StanzaErrorCondition.SERVICE_UNAVAILABLE, to.get() + " is not online");
            }
            return;
        }
        if (!type.equals("get") && !type.equals("set")) {
            return;
        }
        if (!forServer) {
            XmlElement payload = IqDispatcher.payloadOf(iq);
            // Disco, and PEP (XEP-0163): another user's nodes are read at their bare JID, as their access model allows.
            if (!payload.namespace().startsWith("http://jabber.org/protocol/disco#")
                    && !payload.namespace().equals("http://jabber.org/protocol/pubsub")) {
                throw new StanzaException(StanzaErrorCondition.SERVICE_UNAVAILABLE);
            }
            if (sessions.sessionsOf(to.get()).isEmpty() && from.context().accounts().find(to.get()).isEmpty()) {
                throw new StanzaException(StanzaErrorCondition.SERVICE_UNAVAILABLE, "no such user");
            }
        }
        from.deliver(serverIq.dispatch(from, iq));
    }

    private void presence(ClientSession from, XmlElement stanza, Optional<Jid> to) {
        String type = Stanzas.type(stanza);
        if (to.isEmpty()) {
            presence.broadcast(from, stanza);
            return;
        }
        Jid target = to.get();
        if (!target.hasLocal()) {
            return;
        }
        switch (type) {
            case "subscribe", "subscribed", "unsubscribe", "unsubscribed" -> presence.subscription(from, target, stanza);
            case "probe" -> presence.probe(from, target);
            default -> presence.directed(target, stanza);
        }
    }

    /** A session ended for good: unavailable presence, and what it never acknowledged is delivered elsewhere. */
    void sessionEnded(ClientSession session, List<XmlElement> unacked) {
        presence.sessionEnded(session);
        components.values().forEach(c -> c.sessionEnded(session));
        for (XmlElement stanza : unacked) {
            if (Stanzas.isMessage(stanza) && Stanzas.mayBounce(stanza)) {
                try {
                    messages.deliver(stanza.withAttribute("to", session.bareJid().toString()), session.bareJid());
                } catch (StanzaException e) {
                    bounce(stanza, e);
                }
            }
        }
    }

    private void bounce(XmlElement stanza, StanzaException e) {
        Stanzas.from(stanza).flatMap(sessions::find).ifPresent(sender -> sender.deliver(Stanzas.error(stanza, e)));
    }
}
