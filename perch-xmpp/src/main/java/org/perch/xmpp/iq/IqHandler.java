package org.perch.xmpp.iq;

import java.util.List;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.xml.XmlElement;

/**
 * Answers the IQs a user sends to the server (or to their own account) whose payload is in one namespace.
 * Runs on the sender's session queue, on a virtual thread: blocking store calls are fine here.
 */
public interface IqHandler {

    /** The payload namespace this handler answers. */
    String namespace();

    /** Service discovery features this handler adds to the server's disco#info (XEP-0030). */
    default List<String> features() {
        return List.of(namespace());
    }

    /**
     * Returns the reply: a result or an error. May throw
     * {@link org.perch.xmpp.stanza.StanzaException} to answer with an error.
     */
    XmlElement handle(ClientSession from, XmlElement iq, XmlElement payload);
}
