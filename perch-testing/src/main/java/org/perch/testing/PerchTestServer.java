package org.perch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.perch.core.Jid;
import org.perch.domain.account.AccountService;
import org.perch.server.PerchServer;
import org.perch.server.RunningServer;
import org.perch.server.config.ConfigLoader;
import org.perch.server.config.PerchConfig;
import org.perch.store.Store;
import org.perch.store.h2.H2Store;

/**
 * A real Perch server for tests: its own data directory, loopback only, random ports unless told otherwise.
 * Accounts are created through the same store the CLI uses, and {@link #sslContext()} trusts exactly the
 * server's generated certificate, so clients verify TLS for real.
 */
public final class PerchTestServer implements AutoCloseable {
    public static final String DOMAIN = "localhost";
    public static final String PASSWORD = "correct horse battery staple";

    private final Path dataDir;
    private final Map<String, String> overrides;
    private final RunningServer server;

    private PerchTestServer(Path dataDir, Map<String, String> overrides, RunningServer server) {
        this.dataDir = dataDir;
        this.overrides = overrides;
        this.server = server;
    }

    /** Starts a server with random loopback ports; {@code overrides} are configuration keys and values. */
    public static PerchTestServer start(Map<String, String> overrides) {
        try {
            return start(Files.createTempDirectory("perch-test-"), overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a server on an existing data directory (its store, certificate and accounts are reused). */
    public static PerchTestServer start(Path dataDir, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "data-dir", dataDir.toString(),
                "xmpp.bind-address", "127.0.0.1", "http.bind-address", "127.0.0.1",
                "xmpp.c2s-port", "0", "xmpp.direct-tls-port", "0", "http.port", "0", "admin.port", "0"));
        settings.putAll(overrides);
        PerchConfig config = new ConfigLoader(Map.of()).load(Optional.empty(), settings);
        return new PerchTestServer(dataDir, Map.copyOf(overrides), PerchServer.start(config));
    }

    /**
     * Stops this server and starts a new one on the same data directory with the same overrides; the ports
     * change (they are picked afresh).
     */
    public PerchTestServer restart() {
        close();
        return start(dataDir, overrides);
    }

    public static PerchTestServer start() {
        return start(Map.of());
    }

    public RunningServer server() {
        return server;
    }

    public int c2sPort() {
        return server.c2sPort();
    }

    public int directTlsPort() {
        return server.directTlsPort();
    }

    public int httpPort() {
        return server.httpPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates {@code local@localhost} with {@link #PASSWORD}; returns its JID. */
    public Jid addUser(String local) {
        return addUser(local, PASSWORD, false);
    }

    public Jid addAdmin(String local) {
        return addUser(local, PASSWORD, true);
    }

    public Jid addUser(String local, String password, boolean admin) {
        Jid jid = Jid.bare(local, DOMAIN);
        try (Store store = H2Store.open(dataDir)) {
            AccountService accounts = new AccountService(store.accounts(), 4096, new SecureRandom(),
                    Clock.systemUTC());
            accounts.add(jid, password);
            if (admin) {
                accounts.grantAdmin(jid);
            }
        }
        return jid;
    }

    /** An SSL context that trusts only this server's certificate. */
    public SSLContext sslContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trustManager()}, new SecureRandom());
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the test server's certificate", e);
        }
    }

    /** A trust manager that trusts only this server's certificate (for clients that build their own context). */
    public X509TrustManager trustManager() {
        return trustManager(dataDir);
    }

    /** Trusts only the certificate a server generated in {@code dataDir} (also one running in another process). */
    public static X509TrustManager trustManager(Path dataDir) {
        try {
            Path certFile = dataDir.resolve("tls").resolve(DOMAIN + ".crt");
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            try (var in = Files.newInputStream(certFile)) {
                for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    trust.setCertificateEntry("perch-" + i++, c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("no X.509 trust manager");
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust the test server's certificate", e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
