package org.perch.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.perch.admin.Json;
import org.perch.admin.LocalCredential;
import org.perch.core.Jid;
import org.perch.domain.account.AccountService;
import org.perch.server.PerchServer;
import org.perch.server.RunningServer;
import org.perch.server.config.ConfigLoader;
import org.perch.server.config.PerchConfig;
import org.perch.store.Store;
import org.perch.store.chat.ChatPolicy;
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

    /**
     * Starts a server with random loopback ports; {@code overrides} are configuration keys and values. Unlike a
     * server as shipped, its global policy enables Persistent Chat, so that every account may use rooms.
     */
    public static PerchTestServer start(Map<String, String> overrides) {
        return start(newDataDir(), overrides);
    }

    /** Starts a server as {@code perch serve} would first start: Persistent Chat off for every account. */
    public static PerchTestServer startAsShipped(Map<String, String> overrides) {
        return launch(newDataDir(), overrides);
    }

    /**
     * Starts a server on a data directory; an empty one gets a store whose global policy enables Persistent Chat,
     * an existing store (its certificate, accounts and policies) is reused as it is. With {@code store.kind =
     * postgresql} among the overrides, the policy is enabled in that database once the server runs.
     */
    public static PerchTestServer start(Path dataDir, Map<String, String> overrides) {
        if ("postgresql".equals(overrides.get("store.kind"))) {
            PerchTestServer started = launch(dataDir, overrides);
            started.server.store().policies().update(ChatPolicy.GLOBAL_DEFAULT.withEnablePersistentChat(true));
            return started;
        }
        if (!Files.exists(dataDir.resolve("store"))) {
            try (Store store = H2Store.open(dataDir)) {
                store.policies().update(ChatPolicy.GLOBAL_DEFAULT.withEnablePersistentChat(true));
            }
        }
        return launch(dataDir, overrides);
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("perch-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PerchTestServer launch(Path dataDir, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "data-dir", dataDir.toString(),
                "xmpp.bind-address", "127.0.0.1", "http.bind-address", "127.0.0.1",
                "xmpp.c2s-port", "0", "xmpp.direct-tls-port", "0", "http.port", "0", "admin.port", "0"));
        settings.putAll(Map.of("web.bind-address", "127.0.0.1", "web.port", "0"));
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
        return launch(dataDir, overrides);
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

    /** The room management page's port ({@code https://localhost:<port>/rooms/}). */
    public int webPort() {
        return server.webPort();
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

    /** Creates the account in the server's store (the data directory's, or the pool's database). */
    public Jid addUser(String local, String password, boolean admin) {
        Jid jid = Jid.bare(local, DOMAIN);
        AccountService accounts = new AccountService(server.store().accounts(), 4096, new SecureRandom(),
                Clock.systemUTC());
        accounts.add(jid, password);
        if (admin) {
            accounts.grantAdmin(jid);
        }
        return jid;
    }

    /**
     * What an operator sees at the admin API's {@code GET /api/v1/connections} (with the local credential): the
     * client connections open now and what the connection limits have done, by name.
     */
    public Map<String, Long> connectionFigures() {
        try {
            HttpClient https = HttpClient.newBuilder().sslContext(sslContext()).build();
            HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                            + server.adminPort() + "/api/v1/connections"))
                    .header("Authorization", "Bearer " + LocalCredential.read(dataDir)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/connections: " + response.statusCode() + " "
                        + response.body());
            }
            return Json.MAPPER.readValue(response.body(), new TypeReference<LinkedHashMap<String, Long>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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
