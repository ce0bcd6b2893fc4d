package org.perch.server;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.perch.admin.AdminApi;
import org.perch.server.config.PerchConfig;
import org.perch.server.tls.TlsFiles;
import org.perch.store.Store;
import org.perch.web.RoomManagementSite;
import org.perch.xmpp.netty.TlsIdentity;
import org.perch.xmpp.netty.XmppTransport;
import org.perch.xmpp.netty.TransportStats;
import org.perch.xmpp.session.XmppServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started server. {@link #close()} shuts it down in the order that loses nothing: sessions get
 * {@code system-shutdown}, the listeners close, queued messages are stored and indexed, then the store is closed
 * (flushed) last.
 */
public final class RunningServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);

    private final PerchConfig config;
    private final Store store;
    private final ChatRuntime chat;
    private final XmppServer xmpp;
    private final ClientListeners listeners;
    private final Optional<AdminApi> admin;
    private final Optional<PoolMembership> membership;
    private final TlsIdentity identity;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    RunningServer(PerchConfig config, Store store, ChatRuntime chat, XmppServer xmpp, ClientListeners listeners,
                  Optional<AdminApi> admin, Optional<PoolMembership> membership, TlsIdentity identity) {
        this.admin = admin;
        this.membership = membership;
        this.chat = chat;
        this.config = config;
        this.store = store;
        this.xmpp = xmpp;
        this.listeners = listeners;
        this.identity = identity;
    }

    /** The bound STARTTLS port; -1 when disabled, or while the server is idle in its pool. */
    public int c2sPort() {
        return listeners.c2sPort();
    }

    public int directTlsPort() {
        return listeners.directTlsPort();
    }

    public int httpPort() {
        return listeners.httpPort();
    }

    /**
     * What the connection limits have done since start (connections closed per limit, stanzas slowed, the largest
     * backlogs one connection reached) and the client connections open now.
     */
    public TransportStats.Snapshot connectionStats() {
        return listeners.connectionStats();
    }

    /** Whether clients may connect: always on a server of its own; in a pool, while the topology makes it active. */
    public boolean acceptsClients() {
        return listeners.isOpen();
    }

    /** The admin API's port, or -1 when it is disabled. */
    public int adminPort() {
        return admin.map(AdminApi::port).orElse(-1);
    }

    /** The room management page's port, or -1 when it is disabled. */
    public int webPort() {
        return listeners.web().map(RoomManagementSite::port).orElse(-1);
    }

    /** The store the server runs on: for tests and embedding code that must look at what was stored. */
    public Store store() {
        return store;
    }

    public PerchConfig config() {
        return config;
    }

    /** Where clients connect, what the certificate is, and how to add the first user. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("  domain            ").append(config.domain()).append('\n');
        sb.append("  chat rooms        ").append(config.mucDomain()).append('\n');
        sb.append("  store             ").append(Stores.describe(config)).append('\n');
        membership.ifPresent(m -> sb.append("  pool              ").append(m.assignment().pool().name())
                .append(", server ").append(m.assignment().server().name()).append(", topology version ")
                .append(m.assignment().version()).append(listeners.isOpen() ? ", active\n"
                        : ", IDLE: client connections are refused until the topology makes it active\n"));
        if (c2sPort() > 0) {
            sb.append("  XMPP (STARTTLS)   ").append(config.xmpp().bindAddress()).append(':')
                    .append(c2sPort()).append('\n');
        }
        if (directTlsPort() > 0) {
            sb.append("  XMPP (direct TLS) ").append(config.xmpp().bindAddress()).append(':')
                    .append(directTlsPort()).append('\n');
        }
        if (httpPort() > 0) {
            String authority = config.domain() + ":" + httpPort();
            if (config.webClientEnabled()) {
                sb.append("  web client        ").append(config.http().tls() ? "https" : "http").append("://")
                        .append(authority).append("/\n");
            }
            sb.append("  WebSocket         ").append(config.http().tls() ? "wss" : "ws").append("://")
                    .append(authority).append(XmppTransport.WEBSOCKET_PATH).append('\n');
        }
        admin.ifPresent(a -> sb.append("  admin API         ").append(a.tls() ? "https" : "http").append("://")
                .append(config.admin().bindAddress()).append(':').append(a.port()).append("/api/v1 (docs/admin.md)\n"));
        listeners.web().ifPresent(w -> sb.append("  room management   ").append(w.tls() ? "https" : "http").append("://")
                .append(config.domain()).append(':').append(w.port()).append(RoomManagementSite.PAGE)
                .append(" (RoomManagementUrl)\n"));
        sb.append("  data directory    ").append(config.dataDir().toAbsolutePath()).append('\n');
        sb.append("  certificate       SHA-256 ").append(TlsFiles.fingerprintSha256(identity.leaf())).append('\n');
        sb.append("  add a user with   ./perch user add alice@").append(config.domain());
        return sb.toString();
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Perch shutting down");
        try {
            membership.ifPresent(PoolMembership::close);
            admin.ifPresent(AdminApi::close);
            xmpp.close();
            listeners.close();
            chat.close();
        } finally {
            store.close();
            stopped.countDown();
            LOG.info("Perch stopped; store closed cleanly");
        }
    }
}
