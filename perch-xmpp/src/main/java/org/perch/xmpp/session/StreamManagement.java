package org.perch.xmpp.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.perch.xmpp.xml.XmlElement;

/**
 * XEP-0198 counters of one session: stanzas handled from the client ({@code h} we report) and stanzas sent
 * but not yet acknowledged (kept so they can be re-sent on resumption). Counters wrap at 2^32 as the XEP says.
 */
final class StreamManagement {
    static final String NS = "urn:xmpp:sm:3";
    private static final long MOD = 1L << 32;

    private final int maxUnacked;
    private boolean enabled;
    private String resumeId = "";
    private long handledInbound;
    private long ackedOutbound;
    private final Deque<XmlElement> unacked = new ArrayDeque<>();

    StreamManagement(int maxUnacked) {
        this.maxUnacked = maxUnacked;
    }

    synchronized void enable(String id) {
        enabled = true;
        resumeId = id;
    }

    synchronized boolean enabled() {
        return enabled;
    }

    synchronized String resumeId() {
        return resumeId;
    }

    synchronized void inboundHandled() {
        if (enabled) {
            handledInbound = (handledInbound + 1) % MOD;
        }
    }

    synchronized long handledInbound() {
        return handledInbound;
    }

    /** Records an outbound stanza; returns false if the client has left too many unacknowledged. */
    synchronized boolean sent(XmlElement stanza) {
        if (!enabled) {
            return true;
        }
        unacked.addLast(stanza);
        return unacked.size() <= maxUnacked;
    }

    synchronized int unackedCount() {
        return unacked.size();
    }

    /**
     * Applies the client's {@code h}: drops what it confirms. Returns false if {@code h} acknowledges more than
     * was sent (a protocol violation, XEP-0198 §4).
     */
    synchronized boolean acknowledge(long h) {
        long newlyAcked = Math.floorMod(h - ackedOutbound, MOD);
        if (newlyAcked > unacked.size()) {
            return false;
        }
        for (long i = 0; i < newlyAcked; i++) {
            unacked.removeFirst();
        }
        ackedOutbound = h % MOD;
        return true;
    }

    /** Everything still unacknowledged, oldest first, and forgets it (it is re-sent or bounced by the caller). */
    synchronized List<XmlElement> drainUnacked() {
        List<XmlElement> out = new ArrayList<>(unacked);
        unacked.clear();
        return out;
    }
}
