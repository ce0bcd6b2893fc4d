package org.perch.xmpp.muc;

import org.perch.xmpp.stream.XmlFragment;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlWriter;

/**
 * A room message kept in history as the XML every occupant received (so replay shows extensions the server does
 * not know), written with {@link XmlWriter} and read back with {@link XmlFragment}.
 */
final class StoredStanza {

    private StoredStanza() {
    }

    static String write(XmlElement stanza) {
        return XmlWriter.toXml(stanza.withoutAttribute("to"));
    }

    /** The stanza stored by {@link #write}; throws if the text is not one. */
    static XmlElement read(String xml) {
        return XmlFragment.read(xml);
    }
}
