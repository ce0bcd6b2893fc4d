package org.perch.server.config;

import java.util.Objects;

/**
 * The XMPP client listeners. A port of 0 picks a free port (tests); -1 disables that listener.
 *
 * @param bindAddress address both client listeners bind to
 * @param c2sPort RFC 6120 client port, STARTTLS required
 * @param directTlsPort XEP-0368 direct TLS port
 */
public record XmppConfig(String bindAddress, int c2sPort, int directTlsPort) {
    public XmppConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Ports.check("c2sPort", c2sPort);
        Ports.check("directTlsPort", directTlsPort);
    }

    public boolean c2sEnabled() {
        return c2sPort != Ports.DISABLED;
    }

    public boolean directTlsEnabled() {
        return directTlsPort != Ports.DISABLED;
    }
}
