package org.perch.xmpp.session;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.perch.core.InvalidJidException;
import org.perch.core.Jid;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.stream.StreamErrorCondition;
import org.perch.xmpp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resource binding (RFC 6120 §7). A resource already in use by the same account is taken over: the older session
 * is closed with a {@code conflict} stream error (§7.7.2.2, the "override" policy), which is what users expect
 * when they reconnect from the same device before the server noticed the old connection died.
 */
final class Bind {
    private static final Logger LOG = LoggerFactory.getLogger(Bind.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerContext ctx;
    private final ClientSession session;

    Bind(ServerContext ctx, ClientSession session) {
        this.ctx = ctx;
        this.session = session;
    }

    /** Answers the bind request; returns true if the session is now bound. */
    boolean bind(XmlElement iq, Jid user) {
        Connection c = session.connectionOf();
        if (!Stanzas.type(iq).equals("set")) {
            c.send(Stanzas.error(iq, StanzaErrorCondition.BAD_REQUEST, "bind is an IQ set"));
            return false;
        }
        String requested = iq.child("bind", Namespaces.BIND).flatMap(b -> b.childText("resource", Namespaces.BIND))
                .map(String::strip).orElse("");
        Jid full;
        try {
            full = user.withResource(requested.isEmpty() ? generated() : requested);
        } catch (InvalidJidException e) {
            c.send(Stanzas.error(iq, StanzaErrorCondition.BAD_REQUEST, "invalid resource: " + e.getMessage()));
            return false;
        }
        session.bound(full);
        ctx.sessions().bind(full, session).ifPresent(older -> {
            LOG.info("{} bound again; closing the older session", full);
            older.closeWithError(StreamErrorCondition.CONFLICT, "replaced by a new connection with the same resource");
        });
        c.send(Stanzas.result(iq, XmlElement.builder("bind", Namespaces.BIND)
                .textChild("jid", Namespaces.BIND, full.toString()).build()));
        return true;
    }

    private static String generated() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return "perch-" + HexFormat.of().formatHex(b);
    }
}
