package org.perch.xmpp.muc;

import java.util.List;
import org.perch.xmpp.iq.DiscoHandler;
import org.perch.xmpp.iq.IqDispatcher;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.session.Component;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/**
 * The Multi-User Chat service's address ({@code chat.<domain>}): it answers service discovery so clients find
 * it. Rooms themselves (the Lync category and room model) are not served yet: every room address answers
 * {@code item-not-found}.
 */
public final class MucService implements Component {
    public static final String MUC_NS = "http://jabber.org/protocol/muc";

    private final String domain;

    public MucService(String domain) {
        this.domain = domain;
    }

    @Override
    public String domain() {
        return domain;
    }

    @Override
    public void handle(ClientSession from, XmlElement stanza) {
        boolean toService = Stanzas.to(stanza).map(j -> !j.hasLocal()).orElse(false);
        if (toService && Stanzas.isIq(stanza)) {
            String type = Stanzas.type(stanza);
            if (type.equals("get") || type.equals("set")) {
                from.deliver(serviceIq(stanza));
            }
            return;
        }
        if (Stanzas.mayBounce(stanza) && !(Stanzas.isPresence(stanza) && Stanzas.type(stanza).equals("unavailable"))) {
            throw new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND, "no such room");
        }
    }

    private XmlElement serviceIq(XmlElement iq) {
        String type = Stanzas.type(iq);
        try {
            XmlElement payload = IqDispatcher.payloadOf(iq);
            if (payload.is("query", DiscoHandler.INFO) && type.equals("get") && payload.attribute("node").isEmpty()) {
                return Stanzas.result(iq, DiscoHandler.query(DiscoHandler.INFO, "", List.of(
                        DiscoHandler.identity("conference", "text", "Perch persistent chat"),
                        DiscoHandler.feature(DiscoHandler.INFO), DiscoHandler.feature(DiscoHandler.ITEMS),
                        DiscoHandler.feature(MUC_NS))));
            }
            if (payload.is("query", DiscoHandler.ITEMS) && type.equals("get") && payload.attribute("node").isEmpty()) {
                return Stanzas.result(iq, DiscoHandler.query(DiscoHandler.ITEMS, "", List.of()));
            }
            throw new StanzaException(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        } catch (StanzaException e) {
            return Stanzas.error(iq, e);
        }
    }
}
