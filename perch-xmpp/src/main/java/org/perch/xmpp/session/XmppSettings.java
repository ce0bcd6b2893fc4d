package org.perch.xmpp.session;

import java.time.Duration;
import java.util.Objects;
import org.perch.core.Jid;

/**
 * Protocol settings of the server.
 *
 * @param domain the XMPP domain users live on
 * @param mucDomain the Multi-User Chat service's domain
 * @param registrationEnabled whether XEP-0077 in-band registration is open
 * @param resumeTimeout how long a XEP-0198 session waits for its client to resume; zero disables resumption
 * @param maxUnackedStanzas a client that leaves more stanzas unacknowledged is disconnected
 * @param maxUnackedBytes a client that leaves more than about this many bytes of stanzas unacknowledged is
 *        disconnected
 * @param inboundQueueCapacity stanzas one session may have waiting to be processed
 * @param channelBinding whether SCRAM -PLUS mechanisms and XEP-0440 channel-binding types are offered
 * @param maxArchivePage the most messages one archive query (XEP-0313) returns, whatever RSM {@code max} asks for
 */
public record XmppSettings(String domain, String mucDomain, boolean registrationEnabled, Duration resumeTimeout,
                           int maxUnackedStanzas, long maxUnackedBytes, int inboundQueueCapacity, boolean channelBinding,
                           int maxArchivePage) {
    public XmppSettings {
        Objects.requireNonNull(resumeTimeout, "resumeTimeout");
        if (maxArchivePage < 1) {
            throw new IllegalArgumentException("maxArchivePage must be at least 1, got " + maxArchivePage);
        }
        domain = Jid.domainOnly(domain).domain();
        mucDomain = Jid.domainOnly(mucDomain).domain();
        if (domain.equals(mucDomain)) {
            throw new IllegalArgumentException("the MUC domain must differ from the server domain");
        }
    }

    public Jid serverJid() {
        return Jid.domainOnly(domain);
    }

    public Jid mucJid() {
        return Jid.domainOnly(mucDomain);
    }

    public boolean isLocal(Jid jid) {
        return jid.domain().equals(domain);
    }
}
