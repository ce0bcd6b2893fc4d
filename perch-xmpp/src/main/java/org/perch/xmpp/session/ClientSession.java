package org.perch.xmpp.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.perch.core.Jid;
import org.perch.xmpp.stream.StreamErrorCondition;
import org.perch.xmpp.stream.StreamErrorException;
import org.perch.xmpp.stream.StreamHeader;
import org.perch.xmpp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's session, from the first stream header to the end of its last resumption window. Stream events
 * arrive on the I/O thread and are handled one at a time on a virtual thread (see {@link SerialExecutor});
 * deliveries from other sessions may come from any thread.
 *
 * <p>Negotiation (STARTTLS, SASL, bind, XEP-0198) is in {@link StreamNegotiation}; once bound, stanzas go to the
 * {@link StanzaRouter}.
 */
public final class ClientSession implements StreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    private final ServerContext ctx;
    private final SerialExecutor inbound;
    private final StreamNegotiation negotiation;
    private final StreamManagement sm;
    private final Object outboundLock = new Object();
    /** How many archive results sent ({@link #deliverArchiveResults}) cost the client one stanza of its rate. */
    static final int STANZAS_SENT_PER_STANZA_CHARGED = 5;

    private volatile Connection connection;
    private volatile Jid jid;
    private volatile XmlElement presence;
    private volatile boolean rosterRequested;
    private volatile boolean terminated;
    private ClientSession resumedInto;
    private ScheduledFuture<?> resumptionDeadline;

    ClientSession(ServerContext ctx, StanzaRouter router, Connection connection) {
        this.ctx = ctx;
        this.connection = connection;
        this.inbound = new SerialExecutor(ctx.blocking(), ctx.settings().inboundQueueCapacity());
        this.sm = new StreamManagement(ctx.settings().maxUnackedStanzas(), ctx.settings().maxUnackedBytes());
        this.negotiation = new StreamNegotiation(ctx, router, this);
    }

    // ---- StreamHandler: called on the I/O thread, handed to the session's serial queue ----

    @Override
    public void onStreamOpen(StreamHeader header) {
        enqueue(s -> s.negotiation.streamOpened(header));
    }

    @Override
    public void onElement(XmlElement element) {
        enqueue(s -> s.negotiation.element(element));
    }

    @Override
    public void onStreamClose() {
        enqueue(s -> s.connectionOf().close(Optional.empty()));
    }

    @Override
    public void onStreamError(StreamErrorException error) {
        enqueue(s -> s.negotiation.streamError(error));
    }

    @Override
    public void onDisconnect() {
        Connection gone = connection;
        // Always runs, even over a full queue: a lost connection must never leave its session behind.
        inbound.submitAlways(() -> {
            ClientSession target = resumeTarget();
            if (target == this) {
                connectionLost(gone);
            } else {
                target.inbound.submitAlways(() -> target.connectionLost(gone));
            }
        });
    }

    /**
     * Queues an event for this connection. Every event passes through this session's own queue first, even
     * after the connection resumed an older session; from then on the task hands it on to that session's
     * queue, so events keep the order in which they arrived.
     */
    private void enqueue(Consumer<ClientSession> action) {
        boolean accepted = inbound.submit(() -> {
            ClientSession target = resumeTarget();
            if (target == this) {
                action.accept(this);
            } else if (!target.inbound.submit(() -> action.accept(target))) {
                target.queueFull();
            }
        });
        if (!accepted) {
            queueFull();
        }
    }

    private void queueFull() {
        Connection c = connection;
        if (c != null) {
            LOG.info("{}: inbound queue full, closing", c.label());
            c.close(Optional.of(new Connection.StreamError(StreamErrorCondition.POLICY_VIOLATION,
                    "too many stanzas queued; slow down")));
        }
    }

    private synchronized ClientSession resumeTarget() {
        return resumedInto == null ? this : resumedInto;
    }

    // ---- what handlers see ----

    /** The bound full JID; only valid once bound. */
    public Jid jid() {
        return jid;
    }

    public Jid bareJid() {
        return jid.toBare();
    }

    /** The current available presence broadcast by this session, if it sent one. */
    public Optional<XmlElement> presence() {
        return Optional.ofNullable(presence);
    }

    public void presence(XmlElement available) {
        this.presence = available;
    }

    public boolean rosterRequested() {
        return rosterRequested;
    }

    public void rosterRequested(boolean requested) {
        this.rosterRequested = requested;
    }

    public ServerContext context() {
        return ctx;
    }

    /**
     * Sends a stanza to this client. While the client is away waiting to resume, the stanza is kept with the
     * unacknowledged ones and sent on resumption.
     */
    public void deliver(XmlElement stanza) {
        synchronized (outboundLock) {
            if (terminated) {
                return;
            }
            if (!sm.sent(stanza)) {
                closeWithError(StreamErrorCondition.POLICY_VIOLATION, "too many unacknowledged stanzas");
                return;
            }
            Connection c = connection;
            if (c != null) {
                c.send(stanza);
                if (sm.enabled() && sm.unackedCount() % 8 == 0) {
                    c.send(XmlElement.empty("r", StreamManagement.NS));
                }
            }
        }
    }

    /**
     * Sends the many stanzas one archive query asked for (a page, a search) and charges the client for them: every
     * {@value #STANZAS_SENT_PER_STANZA_CHARGED} sent count as one more stanza of its own against its rate
     * ({@link Connection#charge}). Otherwise a query of one stanza could make the server read and send 250 messages,
     * as often as the rate lets the client ask. A join's history is not charged: the room's history setting bounds
     * it (30 by default), and a login joining its rooms must not find itself unable to send for seconds after.
     */
    public void deliverArchiveResults(List<XmlElement> stanzas) {
        stanzas.forEach(this::deliver);
        int cost = stanzas.size() / STANZAS_SENT_PER_STANZA_CHARGED;
        Connection c = connection;
        if (cost > 0 && c != null) {
            c.charge(cost);
        }
    }

    /** Ends the stream with an error and the session with it (no resumption). */
    public void closeWithError(StreamErrorCondition condition, String text) {
        closeWith(new Connection.StreamError(condition, text));
    }

    /**
     * Ends the stream with the error and the session with it (no resumption).
     *
     * @return whether a connection was there to take the error (not so for a session waiting to be resumed)
     */
    boolean closeWith(Connection.StreamError error) {
        Connection c = connection;
        terminate();
        if (c != null) {
            c.close(Optional.of(error));
        }
        return c != null;
    }

    // ---- used by the negotiation ----

    Connection connectionOf() {
        return connection;
    }

    StreamManagement streamManagement() {
        return sm;
    }

    Object outboundLock() {
        return outboundLock;
    }

    void bound(Jid full) {
        this.jid = full;
    }

    /** This (new) connection's session resumed {@code older}: forward everything to it from now on. */
    synchronized void forwardTo(ClientSession older) {
        this.resumedInto = older;
    }

    /** Attaches a new connection after a successful resumption; cancels the resumption deadline. */
    void attach(Connection newConnection) {
        Connection old;
        synchronized (outboundLock) {
            old = connection;
            connection = newConnection;
            if (resumptionDeadline != null) {
                resumptionDeadline.cancel(false);
                resumptionDeadline = null;
            }
        }
        if (old != null && old != newConnection) {
            old.close(Optional.of(new Connection.StreamError(StreamErrorCondition.CONFLICT, "session resumed elsewhere")));
        }
    }

    private void connectionLost(Connection gone) {
        synchronized (outboundLock) {
            if (connection != gone || terminated) {
                return;
            }
            connection = null;
            long timeout = ctx.settings().resumeTimeout().toMillis();
            if (jid != null && sm.enabled() && !sm.resumeId().isEmpty() && timeout > 0) {
                LOG.debug("{} detached; resumable for {} ms", jid, timeout);
                resumptionDeadline = ctx.scheduler().schedule(
                        () -> inbound.submit(this::resumptionExpired), timeout, TimeUnit.MILLISECONDS);
                return;
            }
        }
        terminate();
    }

    private void resumptionExpired() {
        synchronized (outboundLock) {
            if (connection != null) {
                return;
            }
        }
        terminate();
    }

    /** Ends the session for good: unbinds it, tells contacts it left, and bounces what it never acknowledged. */
    void terminate() {
        synchronized (outboundLock) {
            if (terminated) {
                return;
            }
            terminated = true;
        }
        if (!sm.resumeId().isEmpty()) {
            ctx.sessions().forgetResumable(sm.resumeId(), this);
        }
        if (jid != null) {
            ctx.sessions().unbind(jid, this);
            negotiation.router().sessionEnded(this, sm.drainUnacked());
        }
    }

    public boolean isTerminated() {
        return terminated;
    }

    @Override
    public String toString() {
        Connection c = connection;
        return "ClientSession[" + (jid == null ? "unbound" : jid) + (c == null ? ", detached" : ", " + c.label())
                + "]";
    }
}
