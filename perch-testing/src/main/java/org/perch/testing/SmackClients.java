package org.perch.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Smack clients for a {@link PerchTestServer}: loopback address, the server's own certificate trusted, TLS
 * required. Registers the extra {@link ScramSaslMechanism}s once (at a priority Smack never prefers on its own).
 */
public final class SmackClients {
    /** Long enough for a loaded build machine, short enough that a missing reply fails the test quickly. */
    public static final long REPLY_TIMEOUT_MILLIS = 10_000;

    static {
        registerMechanisms();
    }

    private SmackClients() {
    }

    /**
     * (Re-)registers Perch's test SCRAM mechanisms with Smack: SCRAM-SHA-256 and SCRAM-SHA-256-PLUS with
     * {@code tls-server-end-point}. Smack's registry is global; a test that swaps them calls this when done.
     */
    public static synchronized void registerMechanisms() {
        unregisterTestMechanisms();
        SASLAuthentication.registerSASLMechanism(new ScramSaslMechanism("SHA-256", ScramSaslMechanism.Binding.NONE));
        SASLAuthentication.registerSASLMechanism(new ScramSaslMechanism("SHA-256",
                ScramSaslMechanism.Binding.TLS_SERVER_END_POINT));
    }

    /** Makes {@code mechanism} the only test SCRAM mechanism registered, until {@link #registerMechanisms()}. */
    public static synchronized void registerOnly(ScramSaslMechanism mechanism) {
        unregisterTestMechanisms();
        SASLAuthentication.registerSASLMechanism(mechanism);
    }

    // Smack removes one registration per call.
    private static void unregisterTestMechanisms() {
        while (SASLAuthentication.unregisterSASLMechanism(ScramSaslMechanism.class.getName())) {
            // until none is left
        }
    }

    /** A configuration for the STARTTLS port (RFC 6120 §5), TLS required. */
    public static XMPPTCPConnectionConfiguration.Builder starttls(PerchTestServer server) {
        return base(server).setPort(server.c2sPort()).setSecurityMode(SecurityMode.required);
    }

    /**
     * A configuration for the direct TLS port (XEP-0368). {@code XMPPTCPConnection} has no direct TLS mode, so the
     * socket factory makes TLS sockets and Smack's own STARTTLS is switched off; the sockets it made are kept in
     * {@code created} so a test can look at their TLS sessions.
     */
    public static XMPPTCPConnectionConfiguration.Builder directTls(PerchTestServer server, List<SSLSocket> created) {
        SSLContext tls = server.sslContext();
        SocketFactory factory = new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket();
                created.add(socket);
                return socket;
            }

            @Override
            public Socket createSocket(String host, int port) {
                throw new UnsupportedOperationException("Smack connects unconnected sockets");
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) {
                throw new UnsupportedOperationException("Smack connects unconnected sockets");
            }

            @Override
            public Socket createSocket(InetAddress host, int port) {
                throw new UnsupportedOperationException("Smack connects unconnected sockets");
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) {
                throw new UnsupportedOperationException("Smack connects unconnected sockets");
            }
        };
        return base(server).setPort(server.directTlsPort()).setSocketFactory(factory)
                .setSecurityMode(SecurityMode.disabled);
    }

    /** A list for {@link #directTls} to fill. */
    public static List<SSLSocket> socketList() {
        return new CopyOnWriteArrayList<>();
    }

    /** Connects over STARTTLS and logs in as {@code local} with {@link PerchTestServer#PASSWORD}. */
    public static XMPPTCPConnection login(PerchTestServer server, String local, String resource) {
        return login(starttls(server), local, PerchTestServer.PASSWORD, resource);
    }

    /** Connects with the configuration and logs in; wraps Smack's checked exceptions. */
    public static XMPPTCPConnection login(XMPPTCPConnectionConfiguration.Builder config, String local,
                                          String password, String resource) {
        XMPPTCPConnection connection = new XMPPTCPConnection(config.build());
        connection.setReplyTimeout(REPLY_TIMEOUT_MILLIS);
        try {
            connection.connect().login(local, password, org.jxmpp.jid.parts.Resourcepart.from(resource));
            return connection;
        } catch (SmackException | IOException | XMPPException | InterruptedException e) {
            connection.disconnect();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot log in as " + local + ": " + e, e);
        }
    }

    /** STARTTLS to a server running in another process on {@code dataDir}, listening on {@code port}. */
    public static XMPPTCPConnectionConfiguration.Builder starttls(Path dataDir, int port) {
        return base(PerchTestServer.trustManager(dataDir)).setPort(port).setSecurityMode(SecurityMode.required);
    }

    private static XMPPTCPConnectionConfiguration.Builder base(PerchTestServer server) {
        return base(server.trustManager());
    }

    private static XMPPTCPConnectionConfiguration.Builder base(X509TrustManager trust) {
        try {
            return XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(PerchTestServer.DOMAIN)
                    .setHostAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))
                    .setCustomX509TrustManager(trust)
                    .setHostnameVerifier((host, session) -> PerchTestServer.DOMAIN.equals(host))
                    .setConnectTimeout((int) REPLY_TIMEOUT_MILLIS);
        } catch (XmppStringprepException | UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
