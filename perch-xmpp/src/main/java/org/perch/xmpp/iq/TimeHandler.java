package org.perch.xmpp.iq;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/** XEP-0202: the server's time in UTC and its offset. */
public final class TimeHandler implements IqHandler {
    public static final String NS = "urn:xmpp:time";
    private final Clock clock;

    public TimeHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String namespace() {
        return NS;
    }

    @Override
    public XmlElement handle(ClientSession from, XmlElement iq, XmlElement payload) {
        IqDispatcher.requireGet(iq, "time");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ZoneOffset offset = clock.getZone().getRules().getOffset(now);
        String tzo = offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
        return Stanzas.result(iq, XmlElement.builder("time", NS)
                .textChild("tzo", NS, tzo)
                .textChild("utc", NS, DateTimeFormatter.ISO_INSTANT.format(now))
                .build());
    }
}
