package org.perch.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.perch.xmpp.stream.StreamErrorException;
import org.perch.xmpp.stream.StreamHeader;
import org.perch.xmpp.stream.StreamLimits;
import org.perch.xmpp.stream.StreamListener;
import org.perch.xmpp.stream.WebSocketFrameParser;
import org.perch.xmpp.xml.XmlElement;

/** Turns fuzz bytes into one element the way a client's WebSocket frame becomes one (jabber:client if unqualified). */
final class Elements {
    private Elements() {
    }

    /** The element the bytes hold, or empty if a client could not have sent them. */
    static Optional<XmlElement> parse(byte[] bytes) {
        List<XmlElement> found = new ArrayList<>(1);
        WebSocketFrameParser parser = new WebSocketFrameParser(StreamLimits.DEFAULT, new StreamListener() {
            @Override
            public void onStreamOpen(StreamHeader header) {
            }

            @Override
            public void onElement(XmlElement element) {
                found.add(element);
            }

            @Override
            public void onStreamClose() {
            }
        });
        try {
            parser.feedFrame(bytes);
        } catch (StreamErrorException e) {
            return Optional.empty();
        }
        return found.stream().findFirst();
    }

    static Optional<XmlElement> parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }
}
