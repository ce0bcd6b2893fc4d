package org.perch.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.perch.admin.AdminApi;
import org.perch.cluster.node.PoolAssignment;
import org.perch.cluster.topology.PostgresStoreDefinition;
import org.perch.cluster.topology.StoreDefinition;
import org.perch.domain.account.AccountService;
import org.perch.domain.account.LoginThrottle;
import org.perch.server.config.PerchConfig;
import org.perch.server.config.StoreConfig;
import org.perch.server.tls.TlsFiles;
import org.perch.store.Store;
import org.perch.store.StoreException;
import org.perch.store.compliance.ComplianceRecord;
import org.perch.store.h2.H2Store;
import org.perch.store.postgres.PostgresStore;
import org.perch.xmpp.netty.HttpFiles;
import org.perch.xmpp.netty.HttpSite;
import org.perch.xmpp.netty.TlsIdentity;
import org.perch.xmpp.netty.TransportConfig;
import org.perch.xmpp.netty.TransportStats;
import org.perch.xmpp.netty.XmppTransport;
import org.perch.xmpp.sasl.SaslMechanisms;
import org.perch.xmpp.session.XmppServer;
import org.perch.xmpp.session.XmppSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: turns a parsed configuration into a running server. The embedded product is H2 in the
 * data directory; a pool server runs on PostgreSQL and takes its role from the published topology. The chosen
 * components are logged at start (STYLE 6.1, principle 4).
 */
public final class PerchServer {
    private static final Logger LOG = LoggerFactory.getLogger(PerchServer.class);
    /** Stanzas a client may leave unacknowledged under XEP-0198 before it is disconnected. */
    private static final int MAX_UNACKED = 10_000;
    /**
     * Bytes of stanzas a client may leave unacknowledged: 8 MiB is some 5,000 ordinary messages, and only 32 of the
     * largest stanzas the parser takes, which is what a client acknowledging nothing would otherwise make us hold.
     */
    private static final long MAX_UNACKED_BYTES = 8L * 1024 * 1024;
    /** Stanzas one session may have queued for processing. */
    private static final int INBOUND_QUEUE = 1_000;
    /** The compliance service moves and exports on one thread: a few connections are plenty. */
    private static final int COMPLIANCE_CONNECTIONS = 4;

    private PerchServer() {
    }

    /**
     * Opens the store, reads this server's place in the pool (if it belongs to one), loads or creates the
     * certificate, binds the listeners (the client ones only if the server is active); throws if any step fails.
     */
    public static RunningServer start(PerchConfig config) {
        Instant began = Instant.now();
        Clock clock = Clock.systemUTC();
        Store store = Stores.open(config);
        try {
            Optional<PoolAssignment> assignment = config.poolMember()
                    .map(member -> PoolMembership.assignment(store, member, config));
            TlsIdentity identity = TlsFiles.loadOrCreate(config.tls(), config.dataDir(), config.domain());
            SecureRandom random = new SecureRandom();
            AccountService accounts = new AccountService(store.accounts(), config.auth().scramIterations(), random,
                    clock);
            LoginThrottle throttle = new LoginThrottle(config.auth().maxFailuresPerAccount(),
                    config.auth().maxFailuresPerAddress(), config.auth().lockout(), clock);
            SaslMechanisms sasl = new SaslMechanisms(store.accounts(), throttle, config.domain(),
                    config.auth().scramIterations());
            XmppSettings settings = new XmppSettings(config.domain(), config.mucDomain(), config.registrationEnabled(),
                    config.streamManagement().resumeTimeout(), MAX_UNACKED, MAX_UNACKED_BYTES, INBOUND_QUEUE,
                    config.auth().channelBinding(), config.limits().maxArchivePage());
            AtomicReference<ClientListeners> listening = new AtomicReference<>();
            ChatRuntime chat = ChatRuntime.start(config, store, clock, () -> complianceRecord(config, assignment),
                    () -> filesBaseUrl(config, listening.get().httpPort()));
            XmppServer xmpp = new XmppServer(settings, accounts, store.rosters(), store.pep(), config.pep(),
                    sasl, clock, chat.services());
            TransportStats transportStats = new TransportStats();
            Optional<HttpFiles> transfers = chat.services().files().map(HttpFileTransfers::new);
            HttpSite webClient = config.webClientEnabled() ? WebClientSite.of(config) : HttpSite.NONE;
            ClientListeners listeners = new ClientListeners(xmpp, transportStats,
                    () -> XmppTransport.start(transportConfig(config), identity, xmpp, transportStats, webClient,
                            transfers),
                    () -> WebListener.start(config, chat.services(), store.accounts(), throttle, identity,
                            random));
            listening.set(listeners);
            Optional<AdminApi> admin;
            Optional<PoolMembership> membership = Optional.empty();
            try {
                if (assignment.map(PoolAssignment::active).orElse(true)) {
                    listeners.open();
                }
                admin = AdminListener.start(config, chat, () -> listeners.connectionStats().byName(),
                        store.accounts(), throttle, identity, random);
                try {
                    membership = assignment.map(a -> PoolMembership.start(store, config.poolMember().orElseThrow(),
                            config, a, listeners, xmpp.sessions()::size, chat::feedPosition, chat::serverGone,
                            clock));
                } catch (RuntimeException e) {
                    admin.ifPresent(AdminApi::close);
                    throw e;
                }
            } catch (RuntimeException e) {
                listeners.close();
                xmpp.close();
                chat.close();
                throw e;
            }
            RunningServer running = new RunningServer(config, store, chat, xmpp, listeners, admin, membership,
                    identity);
            LOG.info("Perch {} started in {} ms\n{}", XmppServer.VERSION,
                    Duration.between(began, Instant.now()).toMillis(), running.summary());
            return running;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The compliance database: {@code <data-dir>/compliance} for the embedded store; for a pool, the database the
     * topology names as its compliance store.
     */
    private static ComplianceRecord complianceRecord(PerchConfig config, Optional<PoolAssignment> assignment) {
        if (config.store() instanceof StoreConfig.Embedded) {
            return H2Store.openComplianceRecord(config.dataDir());
        }
        StoreDefinition compliance = assignment.flatMap(PoolAssignment::complianceStore).orElseThrow(() ->
                new StoreException("compliance needs a compliance database: name the pool's complianceStore in the"
                        + " topology and publish it (docs/topology.md)"));
        if (!(compliance instanceof PostgresStoreDefinition pg)) {
            throw new StoreException("the pool's compliance store '" + compliance.name() + "' must be a PostgreSQL"
                    + " database, as its chat store is");
        }
        return PostgresStore.openComplianceRecord(Stores.settings(pg, COMPLIANCE_CONNECTIONS));
    }

    /** {@code files.public-url}, or the domain with the HTTP listener's bound port (known once it has bound). */
    private static String filesBaseUrl(PerchConfig config, int httpPort) {
        if (!config.files().publicUrl().isEmpty()) {
            return config.files().publicUrl();
        }
        return (config.http().tls() ? "https://" : "http://") + config.domain() + ":" + httpPort;
    }

    static TransportConfig transportConfig(PerchConfig c) {
        return new TransportConfig(c.xmpp().bindAddress(), c.xmpp().c2sPort(), c.xmpp().directTlsPort(),
                c.http().bindAddress(), c.http().port(), c.http().tls(), c.domain(), c.limits().stream(),
                c.limits().connections());
    }
}
