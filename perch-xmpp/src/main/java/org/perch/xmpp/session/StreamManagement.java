package org.perch.xmpp.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlNode;
import org.perch.xmpp.xml.XmlText;

/**
 * XEP-0198 counters of one session: stanzas handled from the client ({@code h} we report) and stanzas sent
 * but not yet acknowledged (kept so they can be re-sent on resumption). Counters wrap at 2^32 as the XEP says.
 *
 * <p>What is kept is bounded by count and by size: a client that never acknowledges could otherwise make the server
 * hold thousands of stanzas of the largest size the parser allows (messages it sends itself, archive pages) for as
 * long as it stays connected or resumable.
 */
final class StreamManagement {
    static final String NS = "urn:xmpp:sm:3";
    private static final long MOD = 1L << 32;

    private final int maxUnacked;
    private final long maxUnackedBytes;
    private long unackedBytes;
    private boolean enabled;
    private String resumeId = "";
    private long handledInbound;
    private long ackedOutbound;
    private final Deque<Kept> unacked = new ArrayDeque<>();

    private record Kept(XmlElement stanza, long bytes) {
    }

    StreamManagement(int maxUnacked, long maxUnackedBytes) {
        this.maxUnacked = maxUnacked;
        this.maxUnackedBytes = maxUnackedBytes;
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

    /** Records an outbound stanza; returns false if the client has left too many, or too much, unacknowledged. */
    synchronized boolean sent(XmlElement stanza) {
        if (!enabled) {
            return true;
        }
        long bytes = approximateBytes(stanza);
        unacked.addLast(new Kept(stanza, bytes));
        unackedBytes += bytes;
        return unacked.size() <= maxUnacked && unackedBytes <= maxUnackedBytes;
    }

    synchronized long unackedBytes() {
        return unackedBytes;
    }

    /**
     * About what the stanza takes written out, counting characters: names, attributes and text, and a few for the
     * markup around each. Cheaper than writing it, and near enough to bound memory.
     */
    static long approximateBytes(XmlElement element) {
        long bytes = 5L + 2L * element.name().length();
        for (var attribute : element.attributes().entrySet()) {
            bytes += 4L + attribute.getKey().length() + attribute.getValue().length();
        }
        for (XmlNode child : element.children()) {
            bytes += switch (child) {
                case XmlElement e -> approximateBytes(e);
                case XmlText t -> t.text().length();
            };
        }
        return bytes;
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
            unackedBytes -= unacked.removeFirst().bytes();
        }
        ackedOutbound = h % MOD;
        return true;
    }

    /** Everything still unacknowledged, oldest first, and forgets it (it is re-sent or bounced by the caller). */
    synchronized List<XmlElement> drainUnacked() {
        List<XmlElement> out = unacked.stream().map(Kept::stanza).toList();
        unacked.clear();
        unackedBytes = 0;
        return out;
    }
}
