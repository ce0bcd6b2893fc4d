package org.perch.xmpp.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.perch.domain.account.AccountService;
import org.perch.store.RosterStore;
import org.perch.xmpp.adhoc.AdHocCommands;
import org.perch.xmpp.im.MessageDelivery;
import org.perch.xmpp.im.PresenceBroker;
import org.perch.xmpp.im.RosterHandler;
import org.perch.xmpp.iq.DiscoHandler;
import org.perch.xmpp.iq.IqDispatcher;
import org.perch.xmpp.iq.IqHandler;
import org.perch.xmpp.iq.PingHandler;
import org.perch.xmpp.iq.RegistrationHandler;
import org.perch.xmpp.iq.TimeHandler;
import org.perch.xmpp.iq.VersionHandler;
import org.perch.xmpp.muc.ChatServices;
import org.perch.xmpp.muc.MucContext;
import org.perch.xmpp.muc.MucService;
import org.perch.xmpp.sasl.SaslMechanisms;
import org.perch.xmpp.stream.StreamErrorCondition;

/**
 * The protocol side of the server, assembled: sessions, their router, and every handler. The transport asks it
 * for a {@link StreamHandler} per connection.
 */
public final class XmppServer implements StreamHandlerFactory, AutoCloseable {
    /** Perch's version, as reported by XEP-0092 and XEP-0232. */
    public static final String VERSION = "0.1.0";

    private final ServerContext ctx;
    private final StanzaRouter router;
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("perch-timers").daemon().factory());

    private final ChatServices chat;

    public XmppServer(XmppSettings settings, AccountService accounts, RosterStore rosters, SaslMechanisms sasl,
                      Clock clock, ChatServices chat) {
        this.chat = chat;
        SessionRegistry sessions = new SessionRegistry();
        this.ctx = new ServerContext(settings, sessions, accounts, rosters, sasl, clock, blocking, scheduler);
        RosterHandler roster = new RosterHandler(rosters, sessions);
        PresenceBroker presence = new PresenceBroker(rosters, sessions, roster);
        Optional<RegistrationHandler> registration = settings.registrationEnabled()
                ? Optional.of(new RegistrationHandler(accounts, settings.domain())) : Optional.empty();
        AdHocCommands commands = new AdHocCommands(accounts, settings.domain());
        List<IqHandler> handlers = new ArrayList<>(List.of(roster, new PingHandler(), new VersionHandler(VERSION),
                new TimeHandler(clock), commands));
        registration.ifPresent(handlers::add);
        List<String> features = new ArrayList<>(List.of(DiscoHandler.INFO, DiscoHandler.ITEMS));
        handlers.forEach(h -> features.addAll(h.features()));
        DiscoHandler disco = new DiscoHandler(settings, VERSION, features, commands);
        handlers.add(disco);
        handlers.add(disco.itemsHandler());
        MucService muc = muc(settings, sessions, clock);
        this.router = new StanzaRouter(settings, sessions, new IqDispatcher(handlers), presence,
                new MessageDelivery(sessions, accounts, muc::checkInvitation), List.of(muc), registration);
    }

    private MucService muc(XmppSettings settings, SessionRegistry sessions, Clock clock) {
        MucService muc = new MucService(new MucContext(settings.mucDomain(), chat, sessions, clock, blocking));
        chat.events().subscribe(muc::on);
        chat.feed().ifPresent(muc::joinPool);
        return muc;
    }

    @Override
    public StreamHandler create(Connection connection) {
        return new ClientSession(ctx, router, connection);
    }

    public SessionRegistry sessions() {
        return ctx.sessions();
    }

    /**
     * Ends every session with {@code system-shutdown} (RFC 6120 §4.9.3.20), stores the messages still queued
     * for history, and stops the worker threads.
     */
    @Override
    public void close() {
        for (ClientSession s : ctx.sessions().all()) {
            s.closeWithError(StreamErrorCondition.SYSTEM_SHUTDOWN, "the server is shutting down");
        }
        chat.writer().close();
        scheduler.shutdownNow();
        blocking.shutdown();
        try {
            blocking.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
