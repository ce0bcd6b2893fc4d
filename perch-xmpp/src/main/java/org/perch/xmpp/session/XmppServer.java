package org.perch.xmpp.session;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.perch.domain.account.AccountService;
import org.perch.store.RosterStore;
import org.perch.store.pep.PepStore;
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
import org.perch.xmpp.pep.PepLimits;
import org.perch.xmpp.pep.PepNamespaces;
import org.perch.xmpp.pep.PepService;
import org.perch.xmpp.sasl.SaslMechanisms;
import org.perch.xmpp.stream.OtherHost;
import org.perch.xmpp.stream.StreamErrorCondition;
import org.perch.xmpp.upload.UploadService;
import org.perch.xmpp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol side of the server, assembled: sessions, their router, and every handler. The transport asks it
 * for a {@link StreamHandler} per connection.
 */
public final class XmppServer implements StreamHandlerFactory, AutoCloseable {
    /** Perch's version, as reported by XEP-0092 and XEP-0232. */
    public static final String VERSION = "0.1.0";
    private static final Logger LOG = LoggerFactory.getLogger(XmppServer.class);
    /** How long ending the sessions of a running server waits for their messages to be stored. */
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(10);

    private final ServerContext ctx;
    private final StanzaRouter router;
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("perch-timers").daemon().factory());

    private final ChatServices chat;

    public XmppServer(XmppSettings settings, AccountService accounts, RosterStore rosters, PepStore pep,
                      PepLimits pepLimits, SaslMechanisms sasl, Clock clock, ChatServices chat) {
        this.chat = chat;
        SessionRegistry sessions = new SessionRegistry();
        this.ctx = new ServerContext(settings, sessions, accounts, rosters, sasl, clock, blocking, scheduler);
        RosterHandler roster = new RosterHandler(rosters, sessions);
        PresenceBroker presence = new PresenceBroker(rosters, sessions, roster);
        Optional<RegistrationHandler> registration = settings.registrationEnabled()
                ? Optional.of(new RegistrationHandler(accounts, settings.domain())) : Optional.empty();
        AdHocCommands commands = new AdHocCommands(accounts, settings.domain());
        PepService pepService = new PepService(pep, rosters, sessions, pepLimits, clock);
        // Before the MUC service follows the feed (muc, below), so that no notification reaches the rooms instead.
        chat.feed().ifPresent(pepService::joinPool);
        List<IqHandler> handlers = new ArrayList<>(List.of(roster, new PingHandler(), new VersionHandler(VERSION),
                new TimeHandler(clock), commands, pepService, pepService.ownerHandler(), pepService.privateStorage()));
        registration.ifPresent(handlers::add);
        List<String> features = new ArrayList<>(List.of(DiscoHandler.INFO, DiscoHandler.ITEMS));
        handlers.forEach(h -> features.addAll(h.features()));
        List<Component> components = new ArrayList<>();
        List<XmlElement> services = new ArrayList<>();
        chat.files().ifPresent(files -> {
            UploadService upload = new UploadService(UploadService.domainFor(settings.domain()), files);
            components.add(upload);
            services.add(DiscoHandler.item(upload.domain(), "", "HTTP File Upload"));
        });
        DiscoHandler disco = new DiscoHandler(settings, VERSION, features, PepNamespaces.FEATURES, commands,
                services);
        handlers.add(disco);
        handlers.add(disco.itemsHandler());
        MucService muc = muc(settings, sessions, clock, pep);
        components.add(muc);
        this.router = new StanzaRouter(settings, sessions, new IqDispatcher(handlers), presence,
                new MessageDelivery(sessions, accounts, muc::checkInvitation), components, registration);
    }

    private MucService muc(XmppSettings settings, SessionRegistry sessions, Clock clock, PepStore pep) {
        MucService muc = new MucService(new MucContext(settings.mucDomain(), chat, sessions, clock, blocking,
                settings.maxArchivePage(), pep));
        chat.events().subscribe(muc::on);
        chat.feed().ifPresent(muc::joinPool);
        muc.startTopicFeeds();
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
     * Ends every session with {@code see-other-host} (RFC 6120 §4.9.3.19) naming one of {@code targets}, each in
     * turn so that the clients spread evenly over them, then waits until the messages queued for history are stored
     * (so that they reach the other hosts' history). The server keeps running: an idle server of a pool sends its
     * clients to the active ones this way.
     *
     * @return how many connected sessions were redirected
     */
    public int redirect(List<OtherHost> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no host to redirect the sessions to");
        }
        List<OtherHost> hosts = List.copyOf(targets);
        int redirected = endSessions(n -> {
            OtherHost host = hosts.get(n % hosts.size());
            return Connection.StreamError.seeOtherHost(host, "this server takes no clients now; connect to "
                    + host.characterData());
        });
        flushHistory();
        return redirected;
    }

    /**
     * Ends every session with {@code system-shutdown} (RFC 6120 §4.9.3.20) and {@code text}, then waits until the
     * messages queued for history are stored. The server keeps running.
     *
     * @return how many connected sessions were ended
     */
    public int shutDownSessions(String text) {
        int ended = endSessions(n -> new Connection.StreamError(StreamErrorCondition.SYSTEM_SHUTDOWN, text));
        flushHistory();
        return ended;
    }

    /** Ends each session with the error made for the number of connected sessions ended before it. */
    private int endSessions(IntFunction<Connection.StreamError> errors) {
        int ended = 0;
        for (ClientSession s : ctx.sessions().all()) {
            if (s.closeWith(errors.apply(ended))) {
                ended++;
            }
        }
        return ended;
    }

    private void flushHistory() {
        if (!chat.writer().flush(FLUSH_WAIT)) {
            LOG.warn("Messages queued for history were not all stored within {}; they are stored when the store"
                    + " takes them", FLUSH_WAIT);
        }
    }

    /**
     * Ends every session with {@code system-shutdown} (RFC 6120 §4.9.3.20), stores the messages still queued
     * for history, and stops the worker threads.
     */
    @Override
    public void close() {
        endSessions(n -> new Connection.StreamError(StreamErrorCondition.SYSTEM_SHUTDOWN,
                "the server is shutting down"));
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
