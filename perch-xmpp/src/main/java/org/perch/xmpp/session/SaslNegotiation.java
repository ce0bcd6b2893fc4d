package org.perch.xmpp.session;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.xmpp.sasl.SaslContext;
import org.perch.xmpp.sasl.SaslExchange;
import org.perch.xmpp.sasl.SaslFailure;
import org.perch.xmpp.sasl.SaslStep;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.stream.StreamErrorCondition;
import org.perch.xmpp.xml.XmlElement;

/** The SASL exchange of RFC 6120 §6 on one stream: auth, challenges, responses, abort, success or failure. */
final class SaslNegotiation {
    /** A client that fails this many times on one stream is disconnected (RFC 6120 §6.4.5 allows retries). */
    private static final int MAX_FAILURES = 3;
    private static final String CHANNEL_BINDING_NS = "urn:xmpp:sasl-cb:0";

    private final ServerContext ctx;
    private final ClientSession session;
    private SaslExchange exchange;
    private int failures;

    SaslNegotiation(ServerContext ctx, ClientSession session) {
        this.ctx = ctx;
        this.session = session;
    }

    void advertise(XmlElement.Builder features) {
        Connection c = session.connectionOf();
        List<String> cbTypes = channelBindingTypes(c);
        XmlElement.Builder mechanisms = XmlElement.builder("mechanisms", Namespaces.SASL);
        for (String m : ctx.sasl().offered(c.isSecure(), cbTypes)) {
            mechanisms.textChild("mechanism", Namespaces.SASL, m);
        }
        features.child(mechanisms.build());
        if (!cbTypes.isEmpty()) {
            XmlElement.Builder cb = XmlElement.builder("sasl-channel-binding", CHANNEL_BINDING_NS);
            cbTypes.forEach(t -> cb.child(XmlElement.builder("channel-binding", CHANNEL_BINDING_NS)
                    .attribute("type", t).build()));
            features.child(cb.build());
        }
    }

    /** The connection's channel-binding types, or none when the operator switched channel binding off. */
    private List<String> channelBindingTypes(Connection c) {
        return ctx.settings().channelBinding() ? c.channelBindingTypes() : List.of();
    }

    /** Handles one SASL element; returns the user once authentication succeeded. */
    Optional<Jid> handle(XmlElement e) {
        Connection c = session.connectionOf();
        switch (e.name()) {
            case "auth" -> {
                exchange = ctx.sasl().start(e.attributeOr("mechanism", ""), new SaslContext(c.isSecure(),
                        channelBindingTypes(c), c::channelBinding, c.remoteAddress()));
                return step(e);
            }
            case "response" -> {
                if (exchange == null) {
                    return fail(SaslFailure.MALFORMED_REQUEST, "no authentication in progress");
                }
                return step(e);
            }
            case "abort" -> {
                exchange = null;
                return fail(SaslFailure.ABORTED, "");
            }
            default -> {
                session.closeWithError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, e.name() + " is not SASL");
                return Optional.empty();
            }
        }
    }

    private Optional<Jid> step(XmlElement e) {
        byte[] data;
        try {
            String text = e.text().strip();
            data = text.equals("=") ? new byte[0] : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException bad) {
            exchange = null;
            return fail(SaslFailure.INCORRECT_ENCODING, "not valid base64");
        }
        SaslStep result = exchange.step(data);
        switch (result) {
            case SaslStep.Challenge ch -> {
                session.connectionOf().send(XmlElement.builder("challenge", Namespaces.SASL)
                        .text(Base64.getEncoder().encodeToString(ch.data())).build());
                return Optional.empty();
            }
            case SaslStep.Success ok -> {
                exchange = null;
                Connection c = session.connectionOf();
                c.restartStream();
                XmlElement.Builder success = XmlElement.builder("success", Namespaces.SASL);
                if (ok.additionalData().length > 0) {
                    success.text(Base64.getEncoder().encodeToString(ok.additionalData()));
                }
                c.send(success.build());
                return Optional.of(ok.user());
            }
            case SaslStep.Failure f -> {
                exchange = null;
                return fail(f.condition(), f.text());
            }
        }
    }

    private Optional<Jid> fail(SaslFailure condition, String text) {
        XmlElement.Builder failure = XmlElement.builder("failure", Namespaces.SASL)
                .child(condition.elementName(), Namespaces.SASL);
        if (!text.isEmpty()) {
            failure.textChild("text", Namespaces.SASL, text);
        }
        session.connectionOf().send(failure.build());
        if (condition != SaslFailure.ABORTED && ++failures >= MAX_FAILURES) {
            session.closeWithError(StreamErrorCondition.POLICY_VIOLATION, "too many failed authentication attempts");
        }
        return Optional.empty();
    }
}
