package org.perch.xmpp.stream;

import java.nio.charset.StandardCharsets;
import org.perch.xmpp.xml.XmlElement;

/**
 * Reads back one element the server wrote as text for a store (a room message, a PEP item's payload) with the same
 * limited parser that reads streams, inside a client stream so that unqualified names are {@code jabber:client}'s.
 */
public final class XmlFragment {
    private static final String OPEN = "<stream:stream xmlns='" + Namespaces.CLIENT + "' xmlns:stream='"
            + Namespaces.STREAMS + "'>";

    private XmlFragment() {
    }

    /** The one element {@code xml} holds; throws if it holds anything else. */
    public static XmlElement read(String xml) {
        ElementCollector collector = new ElementCollector();
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.DEFAULT, collector);
        byte[] bytes = (OPEN + xml).getBytes(StandardCharsets.UTF_8);
        parser.feed(bytes, 0, bytes.length);
        if (collector.elements().size() != 1) {
            throw new IllegalStateException("stored XML does not hold exactly one element");
        }
        return collector.elements().getFirst();
    }
}
