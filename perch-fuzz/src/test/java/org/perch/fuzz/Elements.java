package org.perch.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.perch.xmpp.stream.ElementCollector;
import org.perch.xmpp.stream.StreamErrorException;
import org.perch.xmpp.stream.StreamLimits;
import org.perch.xmpp.stream.WebSocketFrameParser;
import org.perch.xmpp.xml.XmlElement;

/** Turns fuzz bytes into one element the way a client's WebSocket frame becomes one (jabber:client if unqualified). */
final class Elements {
    private Elements() {
    }

    /** The element the bytes hold, or empty if a client could not have sent them. */
    static Optional<XmlElement> parse(byte[] bytes) {
        ElementCollector collector = new ElementCollector();
        WebSocketFrameParser parser = new WebSocketFrameParser(StreamLimits.DEFAULT, collector);
        try {
            parser.feedFrame(bytes);
        } catch (StreamErrorException e) {
            return Optional.empty();
        }
        return collector.elements().stream().findFirst();
    }

    static Optional<XmlElement> parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }
}
