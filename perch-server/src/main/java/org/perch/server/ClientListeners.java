package org.perch.server;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.perch.web.RoomManagementSite;
import org.perch.xmpp.netty.TransportStats;
import org.perch.xmpp.netty.XmppTransport;
import org.perch.xmpp.session.XmppServer;
import org.perch.xmpp.stream.OtherHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What clients connect to (XMPP, WebSocket, the room management page): open on an active server, closed on an idle
 * one, whose ports then refuse connections so that clients go to another server of the pool (DNS SRV). A server
 * made idle first sends its connected clients to the pool's active servers ({@code see-other-host}). The admin API
 * is not among them: an operator must reach an idle server too.
 */
final class ClientListeners implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClientListeners.class);
    private static final String NO_ACTIVE_SERVER = "no server of the pool takes clients now; try again later";

    private final XmppServer xmpp;
    private final TransportStats stats;
    private final Supplier<XmppTransport> transportOpener;
    private final Supplier<Optional<RoomManagementSite>> webOpener;
    private Optional<XmppTransport> transport = Optional.empty();
    private Optional<RoomManagementSite> web = Optional.empty();

    /** @param stats the counters every transport {@code transportOpener} starts counts in */
    ClientListeners(XmppServer xmpp, TransportStats stats, Supplier<XmppTransport> transportOpener,
                    Supplier<Optional<RoomManagementSite>> webOpener) {
        this.xmpp = xmpp;
        this.stats = stats;
        this.transportOpener = transportOpener;
        this.webOpener = webOpener;
    }

    /** Binds the listeners if they are not bound; throws (leaving them closed) if one cannot bind. */
    synchronized void open() {
        if (transport.isPresent()) {
            return;
        }
        XmppTransport opened = transportOpener.get();
        try {
            web = webOpener.get();
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        transport = Optional.of(opened);
    }

    /** Closes the listeners and every client connection; a no-op when they are closed. */
    @Override
    public synchronized void close() {
        web.ifPresent(RoomManagementSite::close);
        web = Optional.empty();
        transport.ifPresent(XmppTransport::close);
        transport = Optional.empty();
    }

    synchronized boolean isOpen() {
        return transport.isPresent();
    }

    /** The bound STARTTLS port, or -1 when closed or disabled. */
    synchronized int c2sPort() {
        return transport.map(XmppTransport::c2sPort).orElse(-1);
    }

    synchronized int directTlsPort() {
        return transport.map(XmppTransport::directTlsPort).orElse(-1);
    }

    synchronized int httpPort() {
        return transport.map(XmppTransport::httpPort).orElse(-1);
    }

    /** What the connection limits have done since start, and the client connections open now. */
    synchronized TransportStats.Snapshot connectionStats() {
        return transport.map(XmppTransport::stats).orElseGet(() -> stats.snapshot(0, 0));
    }

    synchronized Optional<RoomManagementSite> web() {
        return web;
    }

    /**
     * Opens or closes them to match {@code active}, saying so; a failure to open is logged, not thrown. Before they
     * close, the connected clients are redirected to {@code activeServers}, taken in turn, or, if there is none,
     * told that the server is shutting down.
     */
    synchronized void follow(boolean active, List<OtherHost> activeServers) {
        if (active == isOpen()) {
            return;
        }
        if (active) {
            try {
                open();
                LOG.info("This server is now active: it accepts client connections");
            } catch (RuntimeException e) {
                LOG.error("This server became active but could not open its client listeners", e);
            }
        } else if (activeServers.isEmpty()) {
            int ended = xmpp.shutDownSessions(NO_ACTIVE_SERVER);
            close();
            LOG.info("This server is now idle and no server of the pool is active: {} client sessions ended"
                    + " (system-shutdown), new connections refused", ended);
        } else {
            int redirected = xmpp.redirect(activeServers);
            close();
            LOG.info("This server is now idle: {} client sessions redirected to {} (see-other-host, in turn), new"
                    + " connections refused", redirected,
                    activeServers.stream().map(OtherHost::characterData).collect(Collectors.joining(", ")));
        }
    }
}
