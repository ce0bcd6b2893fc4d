package org.perch.xmpp.session;

import org.perch.xmpp.xml.XmlElement;

/**
 * A service with its own domain on this server (the MUC service): it receives every stanza addressed to that
 * domain, with {@code from} already stamped with the sender's full JID.
 */
public interface Component {

    /** The domain this component serves. */
    String domain();

    /** Handles one stanza; may throw {@link org.perch.xmpp.stanza.StanzaException} to bounce it. */
    void handle(ClientSession from, XmlElement stanza);

    /** The session is gone for good (not merely detached for resumption): forget it. */
    default void sessionEnded(ClientSession session) {
    }
}
