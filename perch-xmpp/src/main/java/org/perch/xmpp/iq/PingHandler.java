package org.perch.xmpp.iq;

import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/** XEP-0199: the server answers a ping with an empty result. */
public final class PingHandler implements IqHandler {
    public static final String NS = "urn:xmpp:ping";

    @Override
    public String namespace() {
        return NS;
    }

    @Override
    public XmlElement handle(ClientSession from, XmlElement iq, XmlElement payload) {
        return Stanzas.result(iq);
    }
}
