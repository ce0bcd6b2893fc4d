package org.perch.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.perch.admin.AdminApi;
import org.perch.domain.account.AccountService;
import org.perch.domain.account.LoginThrottle;
import org.perch.server.config.PerchConfig;
import org.perch.server.tls.TlsFiles;
import org.perch.store.Store;
import org.perch.store.h2.H2Store;
import org.perch.web.RoomManagementSite;
import org.perch.xmpp.netty.TlsIdentity;
import org.perch.xmpp.netty.TransportConfig;
import org.perch.xmpp.netty.XmppTransport;
import org.perch.xmpp.sasl.SaslMechanisms;
import org.perch.xmpp.session.XmppServer;
import org.perch.xmpp.session.XmppSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: turns a parsed configuration into a running server. The embedded product is H2 in the
 * data directory; the chosen components are logged at start (STYLE 6.1, principle 4).
 */
public final class PerchServer {
    private static final Logger LOG = LoggerFactory.getLogger(PerchServer.class);
    /** Stanzas a client may leave unacknowledged under XEP-0198 before it is disconnected. */
    private static final int MAX_UNACKED = 10_000;
    /** Stanzas one session may have queued for processing. */
    private static final int INBOUND_QUEUE = 1_000;

    private PerchServer() {
    }

    /** Opens the store, loads or creates the certificate, binds the listeners; throws if any step fails. */
    public static RunningServer start(PerchConfig config) {
        Instant began = Instant.now();
        Clock clock = Clock.systemUTC();
        Store store = H2Store.open(config.dataDir());
        try {
            TlsIdentity identity = TlsFiles.loadOrCreate(config.tls(), config.dataDir(), config.domain());
            SecureRandom random = new SecureRandom();
            AccountService accounts = new AccountService(store.accounts(), config.auth().scramIterations(), random,
                    clock);
            LoginThrottle throttle = new LoginThrottle(config.auth().maxFailuresPerAccount(),
                    config.auth().maxFailuresPerAddress(), config.auth().lockout(), clock);
            SaslMechanisms sasl = new SaslMechanisms(store.accounts(), throttle, config.domain(),
                    config.auth().scramIterations());
            XmppSettings settings = new XmppSettings(config.domain(), config.mucDomain(), config.registrationEnabled(),
                    config.streamManagement().resumeTimeout(), MAX_UNACKED, INBOUND_QUEUE,
                    config.auth().channelBinding());
            ChatRuntime chat = ChatRuntime.start(config, store, clock);
            XmppServer xmpp = new XmppServer(settings, accounts, store.rosters(), sasl, clock, chat.services());
            XmppTransport transport;
            Optional<AdminApi> admin;
            Optional<RoomManagementSite> web;
            try {
                transport = XmppTransport.start(transportConfig(config), identity, xmpp);
                try {
                    admin = AdminListener.start(config, chat.services().rooms(), chat.compliance(), store.accounts(),
                            throttle, identity, random);
                } catch (RuntimeException e) {
                    transport.close();
                    throw e;
                }
                try {
                    web = WebListener.start(config, chat.services().rooms(), store.accounts(), throttle, identity,
                            random);
                } catch (RuntimeException e) {
                    admin.ifPresent(AdminApi::close);
                    transport.close();
                    throw e;
                }
            } catch (RuntimeException e) {
                xmpp.close();
                chat.close();
                throw e;
            }
            RunningServer running = new RunningServer(config, store, chat, xmpp, transport, admin, web,
                    identity);
            LOG.info("Perch {} started in {} ms\n{}", XmppServer.VERSION,
                    Duration.between(began, Instant.now()).toMillis(), running.summary());
            return running;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    static TransportConfig transportConfig(PerchConfig c) {
        return new TransportConfig(c.xmpp().bindAddress(), c.xmpp().c2sPort(), c.xmpp().directTlsPort(),
                c.http().bindAddress(), c.http().port(), c.http().tls(), c.domain(), c.limits().stream(),
                c.limits().maxConnectionsPerAddress(), c.limits().idleTimeout());
    }
}
