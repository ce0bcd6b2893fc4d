package org.perch.xmpp.session;

import java.util.Optional;
import java.util.UUID;
import org.perch.core.Jid;
import org.perch.xmpp.iq.RegistrationHandler;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.stream.StreamErrorCondition;
import org.perch.xmpp.stream.StreamErrorException;
import org.perch.xmpp.stream.StreamHeader;
import org.perch.xmpp.xml.XmlElement;

/**
 * Drives one session through RFC 6120 stream negotiation: STARTTLS (required on the plain port), SASL, resource
 * binding, and XEP-0198 enable/resume; after binding it hands stanzas to the router. Runs on the session's
 * serial queue only, so its state needs no locking.
 */
final class StreamNegotiation {
    private enum Phase { BEFORE_TLS, BEFORE_AUTH, AUTHENTICATED, BOUND }

    private final ServerContext ctx;
    private final StanzaRouter router;
    private final ClientSession session;
    private final SaslNegotiation sasl;
    private final Bind bind;
    private final StreamResumption resumption;
    private final Optional<RegistrationHandler> registration;
    private Phase phase;
    private boolean streamOpen;
    private Jid authenticated;

    StreamNegotiation(ServerContext ctx, StanzaRouter router, ClientSession session) {
        this.ctx = ctx;
        this.router = router;
        this.session = session;
        this.sasl = new SaslNegotiation(ctx, session);
        this.bind = new Bind(ctx, session);
        this.resumption = new StreamResumption(ctx, session);
        this.registration = router.registration();
        this.phase = session.connectionOf().canStartTls() ? Phase.BEFORE_TLS : Phase.BEFORE_AUTH;
    }

    StanzaRouter router() {
        return router;
    }

    void streamOpened(StreamHeader header) {
        Connection c = session.connectionOf();
        c.openStream(new StreamHeader(header.from(), ctx.settings().domain(), UUID.randomUUID().toString(), "1.0",
                "en"));
        streamOpen = true;
        if (!header.version().startsWith("1.")) {
            session.closeWithError(StreamErrorCondition.UNSUPPORTED_VERSION, "Perch speaks XMPP 1.0");
            return;
        }
        if (!header.to().isEmpty() && !Jid.parse(header.to()).map(j -> j.domain().equals(ctx.settings().domain()))
                .orElse(false)) {
            session.closeWithError(StreamErrorCondition.HOST_UNKNOWN, "this server serves " + ctx.settings().domain());
            return;
        }
        c.send(features());
    }

    /**
     * Ends the stream for an error found in the client's input. RFC 6120 §4.9.1.1: even when the error comes
     * before our side of the stream is open (a bad or missing client header), the error goes inside a stream
     * header of ours, so the client can parse it.
     */
    void streamError(StreamErrorException error) {
        Connection c = session.connectionOf();
        if (!streamOpen && c != null) {
            c.openStream(new StreamHeader("", ctx.settings().domain(), UUID.randomUUID().toString(), "1.0", "en"));
            streamOpen = true;
        }
        session.closeWithError(error.condition(), error.text());
    }

    private XmlElement features() {
        XmlElement.Builder f = XmlElement.builder("features", Namespaces.STREAMS);
        switch (phase) {
            case BEFORE_TLS -> f.child(XmlElement.builder("starttls", Namespaces.TLS).child("required", Namespaces.TLS)
                    .build());
            case BEFORE_AUTH -> {
                sasl.advertise(f);
                if (registration.isPresent() && session.connectionOf().isSecure()) {
                    f.child("register", "http://jabber.org/features/iq-register");
                }
            }
            case AUTHENTICATED -> {
                f.child("bind", Namespaces.BIND);
                f.child(XmlElement.builder("session", Namespaces.SESSION).child("optional", Namespaces.SESSION).build());
                f.child("ver", "urn:xmpp:features:rosterver");
                f.child("sm", StreamManagement.NS);
            }
            case BOUND -> { }
        }
        return f.build();
    }

    void element(XmlElement e) {
        if (!streamOpen) {
            session.closeWithError(StreamErrorCondition.NOT_AUTHORIZED, "no stream header");
            return;
        }
        switch (phase) {
            case BEFORE_TLS -> beforeTls(e);
            case BEFORE_AUTH -> beforeAuth(e);
            case AUTHENTICATED -> authenticated(e);
            case BOUND -> bound(e);
        }
    }

    private void beforeTls(XmlElement e) {
        if (e.is("starttls", Namespaces.TLS)) {
            streamOpen = false;
            phase = Phase.BEFORE_AUTH;
            session.connectionOf().startTls();
            return;
        }
        session.closeWithError(StreamErrorCondition.POLICY_VIOLATION, "STARTTLS is required on this port");
    }

    private void beforeAuth(XmlElement e) {
        if (e.namespace().equals(Namespaces.SASL)) {
            sasl.handle(e).ifPresent(user -> {
                authenticated = user;
                phase = Phase.AUTHENTICATED;
                streamOpen = false;
            });
            return;
        }
        if (Stanzas.isIq(e) && session.connectionOf().isSecure()
                && e.child("query", RegistrationHandler.NS).isPresent()) {
            // XEP-0077 §3.1: a server without in-band registration answers service-unavailable; the client
            // asked a legitimate question, so its stream is not ended.
            session.connectionOf().send(registration.map(r -> r.beforeAuth(e)).orElseGet(() -> Stanzas.error(e,
                    StanzaErrorCondition.SERVICE_UNAVAILABLE, "in-band registration is not enabled")));
            return;
        }
        session.closeWithError(StreamErrorCondition.NOT_AUTHORIZED, "authenticate first");
    }

    private void authenticated(XmlElement e) {
        if (e.is("resume", StreamManagement.NS)) {
            if (resumption.resume(e, authenticated)) {
                markBound();
            }
            return;
        }
        if (e.is("enable", StreamManagement.NS)) {
            session.connectionOf().send(smFailed(StanzaErrorCondition.UNEXPECTED_REQUEST, "bind a resource first"));
            return;
        }
        if (Stanzas.isIq(e) && e.child("bind", Namespaces.BIND).isPresent()) {
            if (bind.bind(e, authenticated)) {
                markBound();
            }
            return;
        }
        if (Stanzas.isStanza(e)) {
            session.connectionOf().send(Stanzas.error(e, StanzaErrorCondition.NOT_AUTHORIZED, "bind a resource first"));
            return;
        }
        session.closeWithError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, e.name() + " is not expected here");
    }

    private void markBound() {
        phase = Phase.BOUND;
        session.connectionOf().negotiated();
    }

    private void bound(XmlElement e) {
        if (e.namespace().equals(StreamManagement.NS)) {
            resumption.streamManagementElement(e);
            return;
        }
        if (!Stanzas.isStanza(e)) {
            session.closeWithError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, e.name() + " is not a stanza");
            return;
        }
        session.streamManagement().inboundHandled();
        try {
            if (Stanzas.isIq(e) && e.child("session", Namespaces.SESSION).isPresent()) {
                session.deliver(Stanzas.result(e));
                return;
            }
            router.route(session, e);
        } catch (StanzaException ex) {
            if (Stanzas.mayBounce(e)) {
                // Addressed to the sender as the router stamped it (never to a from the client made up), so that an
                // error raised here reads exactly like one a room or handler raises later: a refusal must not tell,
                // by its form, whether a room exists.
                session.deliver(Stanzas.error(e.withAttribute("from", session.jid().toString()), ex));
            }
        }
    }

    static XmlElement smFailed(StanzaErrorCondition condition, String text) {
        return XmlElement.builder("failed", StreamManagement.NS)
                .child(condition.elementName(), Namespaces.STANZA_ERRORS)
                .child(XmlElement.builder("text", Namespaces.STANZA_ERRORS).text(text).build())
                .build();
    }
}
