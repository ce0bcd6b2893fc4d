package org.perch.xmpp.muc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.stream.StreamHeader;
import org.perch.xmpp.stream.StreamLimits;
import org.perch.xmpp.stream.StreamListener;
import org.perch.xmpp.stream.XmlStreamParser;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlWriter;

/**
 * A room message kept in history as the XML every occupant received (so replay shows extensions the server does
 * not know), written with {@link XmlWriter} and read back with the same limited parser that reads streams.
 */
final class StoredStanza {
    private static final String OPEN = "<stream:stream xmlns='" + Namespaces.CLIENT + "' xmlns:stream='"
            + Namespaces.STREAMS + "'>";

    private StoredStanza() {
    }

    static String write(XmlElement stanza) {
        return XmlWriter.toXml(stanza.withoutAttribute("to"));
    }

    /** The stanza stored by {@link #write}; throws if the text is not one. */
    static XmlElement read(String xml) {
        List<XmlElement> found = new ArrayList<>(1);
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.DEFAULT, new StreamListener() {
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
        byte[] bytes = (OPEN + xml).getBytes(StandardCharsets.UTF_8);
        parser.feed(bytes, 0, bytes.length);
        if (found.size() != 1) {
            throw new IllegalStateException("stored stanza does not hold exactly one element");
        }
        return found.getFirst();
    }
}
