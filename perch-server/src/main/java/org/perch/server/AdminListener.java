package org.perch.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.perch.admin.AdminApi;
import org.perch.admin.AdminServices;
import org.perch.admin.LocalCredential;
import org.perch.core.Jid;
import org.perch.domain.account.LoginThrottle;
import org.perch.server.config.HttpConfig;
import org.perch.server.config.PerchConfig;
import org.perch.store.AccountStore;
import org.perch.xmpp.netty.TlsIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the admin REST API: a fresh local credential in the data directory, TLS with the server's certificate. */
final class AdminListener {

    private static final Logger LOG = LoggerFactory.getLogger(AdminListener.class);

    private AdminListener() {
    }

    /** @param connections the client connections' figures ({@code GET /api/v1/connections}) */
    static Optional<AdminApi> start(PerchConfig config, ChatRuntime chat, Supplier<Map<String, Long>> connections,
                                    AccountStore accounts, LoginThrottle throttle, TlsIdentity identity,
                                    SecureRandom random) {
        HttpConfig admin = config.admin();
        if (!admin.enabled()) {
            return Optional.empty();
        }
        String token;
        try {
            token = LocalCredential.create(config.dataDir(), random);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the admin API's local credential to "
                    + LocalCredential.file(config.dataDir()), e);
        }
        Optional<SSLContext> tls = admin.tls() ? Optional.of(sslContext(identity, random)) : Optional.empty();
        if (!admin.tls() && !loopback(admin.bindAddress())) {
            LOG.warn("The admin API listens on {} without TLS: administrators' passwords cross the network in clear"
                    + " unless a TLS-terminating proxy stands in front of it", admin.bindAddress());
        }
        return Optional.of(AdminApi.start(admin.bindAddress(), admin.port(), tls,
                new AdminServices(chat.services().rooms(), accounts, throttle, Jid.domainOnly(config.domain()), token,
                        chat.compliance(), connections)));
    }

    static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A TLS context serving the server's own certificate: for the admin API and the room management page. */
    static SSLContext sslContext(TlsIdentity identity, SecureRandom random) {
        try {
            char[] none = new char[0];
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("perch", identity.privateKey(), none,
                    identity.chain().toArray(X509Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, none);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, random);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not set up TLS with the server's certificate", e);
        }
    }
}
