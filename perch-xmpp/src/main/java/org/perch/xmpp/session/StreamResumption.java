package org.perch.xmpp.session;

import java.util.List;
import java.util.UUID;
import org.perch.core.Jid;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stream.StreamErrorCondition;
import org.perch.xmpp.xml.XmlElement;

/** XEP-0198 on one session: enable, acks both ways, and resumption of a detached session. */
final class StreamResumption {
    private final ServerContext ctx;
    private final ClientSession session;

    StreamResumption(ServerContext ctx, ClientSession session) {
        this.ctx = ctx;
        this.session = session;
    }

    /** Handles enable, r and a once bound. */
    void streamManagementElement(XmlElement e) {
        StreamManagement sm = session.streamManagement();
        switch (e.name()) {
            case "enable" -> enable(e, sm);
            case "r" -> session.connectionOf().send(ack(sm.handledInbound()));
            case "a" -> {
                long h = parseH(e);
                if (h < 0 || !sm.acknowledge(h)) {
                    session.closeWithError(StreamErrorCondition.UNDEFINED_CONDITION,
                            "acknowledged more stanzas than were sent");
                }
            }
            default -> session.closeWithError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                    e.name() + " is not expected here");
        }
    }

    private void enable(XmlElement e, StreamManagement sm) {
        if (sm.enabled()) {
            session.connectionOf().send(StreamNegotiation.smFailed(StanzaErrorCondition.UNEXPECTED_REQUEST,
                    "stream management is already enabled"));
            return;
        }
        boolean resume = (e.attributeOr("resume", "false").equals("true") || e.attributeOr("resume", "").equals("1"))
                && !ctx.settings().resumeTimeout().isZero();
        String id = resume ? UUID.randomUUID().toString() : "";
        synchronized (session.outboundLock()) {
            sm.enable(id);
            XmlElement.Builder enabled = XmlElement.builder("enabled", StreamManagement.NS);
            if (resume) {
                ctx.sessions().parkForResumption(id, session);
                enabled.attribute("id", id).attribute("resume", "true")
                        .attribute("max", ctx.settings().resumeTimeout().toSeconds());
            }
            session.connectionOf().send(enabled.build());
        }
    }

    /**
     * Resumes the detached session named by {@code previd} onto this connection (XEP-0198 §5). Returns true if
     * it worked; this session then forwards everything to the resumed one.
     */
    boolean resume(XmlElement e, Jid user) {
        Connection c = session.connectionOf();
        String previd = e.attributeOr("previd", "");
        long h = parseH(e);
        ClientSession older = ctx.sessions().takeResumable(previd).orElse(null);
        if (older == null || older.isTerminated() || !older.bareJid().equals(user.toBare()) || h < 0) {
            if (older != null && !older.isTerminated() && !older.bareJid().equals(user.toBare())) {
                ctx.sessions().parkForResumption(previd, older);
            }
            c.send(StreamNegotiation.smFailed(StanzaErrorCondition.ITEM_NOT_FOUND, "no session to resume"));
            return false;
        }
        StreamManagement sm = older.streamManagement();
        if (!sm.acknowledge(h)) {
            c.send(StreamNegotiation.smFailed(StanzaErrorCondition.UNEXPECTED_REQUEST, "h is beyond what was sent"));
            older.closeWithError(StreamErrorCondition.UNDEFINED_CONDITION, "bad resumption");
            return false;
        }
        ctx.sessions().parkForResumption(previd, older);
        session.forwardTo(older);
        synchronized (older.outboundLock()) {
            older.attach(c);
            c.send(XmlElement.builder("resumed", StreamManagement.NS).attribute("previd", previd)
                    .attribute("h", sm.handledInbound()).build());
            List<XmlElement> resend = sm.drainUnacked();
            resend.forEach(older::deliver);
        }
        return true;
    }

    private static XmlElement ack(long h) {
        return XmlElement.builder("a", StreamManagement.NS).attribute("h", h).build();
    }

    private static long parseH(XmlElement e) {
        try {
            long h = Long.parseLong(e.attributeOr("h", ""));
            return h < 0 || h >= (1L << 32) ? -1 : h;
        } catch (NumberFormatException ex) {
            return -1;
        }
    }
}
