package org.perch.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityBareJid;
import org.perch.server.config.PerchConfig;
import org.perch.server.tls.TlsFiles;

/**
 * Where {@code perch test message} reaches the XMPP server, and whom it trusts there. By default that is the
 * server running on this machine, at its configured client port on loopback, with exactly the server's own
 * certificate trusted ({@link PinnedCertificate}), as the admin commands do. A {@code --target-fqdn} elsewhere is
 * checked like any client would: against the JDK's trusted authorities, for the XMPP domain. Either way TLS is
 * required.
 *
 * @param host the host name or address to connect to
 * @param port the client (STARTTLS) port
 * @param pinned the only certificate to trust, or empty for the JDK's trust store
 */
record XmppTarget(String host, int port, Optional<X509Certificate> pinned) {

    static XmppTarget of(PerchConfig config, Optional<String> targetFqdn, Optional<Integer> port) {
        int p = port.orElseGet(() -> configuredPort(config));
        if (targetFqdn.isPresent()) {
            return new XmppTarget(targetFqdn.get(), p, Optional.empty());
        }
        return new XmppTarget(loopback(config.xmpp().bindAddress()), p,
                Optional.of(TlsFiles.leaf(config.tls(), config.dataDir(), config.domain())));
    }

    /**
     * A configuration for one account. The address is resolved here, by the system's resolver (which knows
     * {@code /etc/hosts}), rather than by Smack's DNS lookups, which look for SRV records of the XMPP domain.
     */
    XMPPTCPConnectionConfiguration.Builder configure(EntityBareJid user, Duration timeout)
            throws UnknownHostException {
        XMPPTCPConnectionConfiguration.Builder builder = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(user.asDomainBareJid())
                .setHostAddress(InetAddress.getByName(host))
                .setPort(port)
                .setSecurityMode(SecurityMode.required)
                .setConnectTimeout((int) timeout.toMillis());
        pinned.ifPresent(certificate -> builder.setCustomX509TrustManager(
                new PinnedCertificate(certificate, "the XMPP server at " + host + ":" + port)));
        return builder;
    }

    private static int configuredPort(PerchConfig config) {
        int port = config.xmpp().c2sPort();
        if (port <= 0) {
            throw new CliException("xmpp.c2s-port is " + port + (port == 0 ? " (a port picked at each start)"
                    : " (the client port is off)") + "; give the port with --port");
        }
        return port;
    }

    /** The bind address as a client on this machine reaches it. */
    private static String loopback(String bindAddress) {
        return switch (bindAddress) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "::1";
            default -> bindAddress.startsWith("[") ? bindAddress.substring(1, bindAddress.length() - 1)
                    : bindAddress;
        };
    }
}
