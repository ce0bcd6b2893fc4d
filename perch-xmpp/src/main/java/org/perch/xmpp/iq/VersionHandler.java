package org.perch.xmpp.iq;

import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/** XEP-0092: the server's software name and version. The OS is not disclosed (it helps attackers, not users). */
public final class VersionHandler implements IqHandler {
    public static final String NS = "jabber:iq:version";
    private final String version;

    public VersionHandler(String version) {
        this.version = version;
    }

    @Override
    public String namespace() {
        return NS;
    }

    @Override
    public XmlElement handle(ClientSession from, XmlElement iq, XmlElement payload) {
        IqDispatcher.requireGet(iq, "version");
        return Stanzas.result(iq, XmlElement.builder("query", NS)
                .textChild("name", NS, "Perch").textChild("version", NS, version).build());
    }
}
