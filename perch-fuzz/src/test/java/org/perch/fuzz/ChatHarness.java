package org.perch.fuzz;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.domain.account.AccountService;
import org.perch.domain.account.LoginThrottle;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.ChatSettings;
import org.perch.domain.chat.HistoryWriter;
import org.perch.domain.chat.RoomEventBus;
import org.perch.domain.chat.RoomModeration;
import org.perch.domain.chat.RoomSearch;
import org.perch.domain.chat.SearchIndexer;
import org.perch.store.chat.Category;
import org.perch.store.chat.CategoryFlags;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.ChatPolicy;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomRoles;
import org.perch.store.chat.RoomType;
import org.perch.store.memory.InMemoryMessageIndex;
import org.perch.store.memory.InMemoryStore;
import org.perch.xmpp.muc.ChatServices;
import org.perch.xmpp.pep.PepLimits;
import org.perch.xmpp.sasl.SaslMechanisms;
import org.perch.xmpp.session.StreamHandler;
import org.perch.xmpp.session.XmppServer;
import org.perch.xmpp.session.XmppSettings;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.stream.StreamHeader;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlWriter;

/**
 * A whole protocol server as {@code PerchServer} assembles it, on a fresh in-memory store, with Alice and Bob logged
 * in over {@link RecordingConnection}s. The rooms, all in one category whose scope and creators are everyone at
 * example.org: {@code lobby} (Open, Bob manages it and is in it), {@code vault} (Closed, Bob's; Alice may not join
 * it) and {@code stage} (an Open auditorium where only Bob presents). Bob has posted one message in each.
 *
 * <p>{@link #sync()} waits until everything Alice sent has been handled: her session's queue, every room's queue,
 * the history writer, and the broadcasts that follow a stored message.
 */
final class ChatHarness implements AutoCloseable {
    static final String DOMAIN = "example.org";
    /** The server's default cap on an archive page (limits.max-mam-page). */
    static final int MAX_ARCHIVE_PAGE = 250;
    static final String MUC = "chat." + DOMAIN;
    static final Jid ALICE = Jid.of("alice@" + DOMAIN);
    static final Jid BOB = Jid.of("bob@" + DOMAIN);
    static final String RESOURCE = "fuzz";
    static final List<String> ROOMS = List.of("lobby", "vault", "stage", "fresh", "nowhere");
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PASSWORD = "a fuzzing password";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    /** Accounts cost a PBKDF2 derivation each: made once, shared by every harness (they are only read). */
    private static final InMemoryStore ACCOUNTS = accounts();

    final InMemoryStore store = new InMemoryStore();
    final ChatRooms rooms;
    final RecordingConnection alice = new RecordingConnection("alice");
    final RecordingConnection bob = new RecordingConnection("bob");
    final Room lobby;
    final Room vault;
    final Room stage;
    private final SearchIndexer indexer;
    private final HistoryWriter writer;
    private final XmppServer server;
    private final StreamHandler aliceStream;
    private int syncs;

    ChatHarness() {
        store.policies().update(ChatPolicy.GLOBAL_DEFAULT.withEnablePersistentChat(true));
        Set<Principal> everyone = Set.of(new Principal.Domain(DOMAIN));
        store.categories().create(Category.named("General").withAllowedMembers(everyone).withCreators(everyone)
                .withFlags(CategoryFlags.DEFAULTS.withInvitations(true)));
        RoomEventBus events = new RoomEventBus();
        rooms = new ChatRooms(store, ChatSettings.DEFAULTS, CLOCK, events, Jid.domainOnly(DOMAIN));
        InMemoryMessageIndex index = new InMemoryMessageIndex();
        indexer = new SearchIndexer(store.history(), index);
        events.subscribe(indexer);
        HistoryStore captured = rooms.capturedHistory();
        writer = new HistoryWriter(captured, indexer::stored);
        ChatServices chat = new ChatServices(rooms, writer, store.history(),
                new RoomModeration(rooms, captured, CLOCK, events), new RoomSearch(rooms, store.history(), index),
                events, Optional.empty());
        XmppSettings settings = new XmppSettings(DOMAIN, MUC, false, Duration.ZERO, 10_000, 8L << 20, 10_000, false,
                MAX_ARCHIVE_PAGE);
        AccountService accounts = new AccountService(ACCOUNTS.accounts(), 4096, new SecureRandom(), CLOCK);
        SaslMechanisms sasl = new SaslMechanisms(ACCOUNTS.accounts(),
                new LoginThrottle(1_000_000, 1_000_000, Duration.ofSeconds(1), CLOCK), DOMAIN);
        server = new XmppServer(settings, accounts, store.rosters(), store.pep(), PepLimits.DEFAULT, sasl, CLOCK,
                chat);

        Category general = rooms.categories().getFirst();
        lobby = room("lobby", general, r -> r.withSettings(r.settings().withPrivacy(Privacy.OPEN)));
        vault = room("vault", general, r -> r);
        stage = room("stage", general, r -> r.withSettings(r.settings().withPrivacy(Privacy.OPEN)
                .withType(RoomType.AUDITORIUM)).withRoles(new RoomRoles(r.roles().members(), r.roles().managers(),
                Set.of(Principal.user(BOB)))));
        for (Room r : List.of(lobby, vault, stage)) {
            writer.post(new PostedMessage(r.id(), UUID.randomUUID().toString(), CLOCK.instant(), BOB, "bob",
                    "hello from bob", XmlWriter.toXml(XmlElement.builder("message", Namespaces.CLIENT)
                    .attribute("from", r.address() + "@" + MUC + "/bob").attribute("type", "groupchat")
                    .textChild("body", Namespaces.CLIENT, "hello from bob").build()))).join();
        }
        StreamHandler bobStream = login(bob, BOB);
        bobStream.onElement(XmlElement.builder("presence", Namespaces.CLIENT).attribute("to", "lobby@" + MUC + "/bob")
                .child("x", "http://jabber.org/protocol/muc").build());
        bob.await(0, e -> e.is("message", Namespaces.CLIENT) && e.child("subject", Namespaces.CLIENT).isPresent(),
                WAIT, "Bob's join of the lobby");
        aliceStream = login(alice, ALICE);
    }

    private Room room(String address, Category category, java.util.function.UnaryOperator<Room> shape) {
        Room created = rooms.createRoom(BOB, category.id(), address, address);
        return rooms.updateRoom(BOB, created.id(), shape);
    }

    /** RFC 6120 negotiation on an already secure connection: SASL PLAIN, stream restart, resource binding. */
    private StreamHandler login(RecordingConnection c, Jid user) {
        StreamHandler stream = server.create(c);
        StreamHeader header = new StreamHeader(DOMAIN, "", "", "1.0", "en");
        stream.onStreamOpen(header);
        int at = c.await(0, e -> e.is("features", Namespaces.STREAMS), WAIT, "stream features");
        String plain = "\0" + user.local() + "\0" + PASSWORD;
        stream.onElement(XmlElement.builder("auth", Namespaces.SASL).attribute("mechanism", "PLAIN")
                .text(Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8))).build());
        at = c.await(at + 1, e -> e.is("success", Namespaces.SASL), WAIT, "SASL success");
        stream.onStreamOpen(header);
        at = c.await(at + 1, e -> e.is("features", Namespaces.STREAMS), WAIT, "features after SASL");
        stream.onElement(XmlElement.builder("iq", Namespaces.CLIENT).attribute("type", "set").attribute("id", "bind")
                .child(XmlElement.builder("bind", Namespaces.BIND).textChild("resource", Namespaces.BIND, RESOURCE)
                        .build()).build());
        c.await(at + 1, e -> Stanzas.isIq(e) && e.attributeOr("id", "").equals("bind"), WAIT, "the bind result");
        return stream;
    }

    /** Alice sends a stanza, as her stream would deliver it. */
    void send(XmlElement stanza) {
        aliceStream.onElement(stanza);
    }

    /**
     * Waits until all Alice sent so far is handled: her session's queue (a ping to the server), then each room's
     * queue (a disco#info to it), the history writer, and each room's queue again for the broadcasts of what was
     * stored. Answers to these have ids starting with {@code sync-}.
     */
    void sync() {
        if (alice.closing().isPresent()) {
            return;
        }
        ask(DOMAIN, XmlElement.empty("ping", "urn:xmpp:ping"));
        syncRooms();
        if (!writer.flush(WAIT)) {
            throw new AssertionError("the history writer did not store what it was given within " + WAIT);
        }
        syncRooms();
    }

    private void syncRooms() {
        for (String room : ROOMS) {
            ask(room + "@" + MUC, XmlElement.empty("query", "http://jabber.org/protocol/disco#info"));
        }
    }

    private void ask(String to, XmlElement payload) {
        String id = "sync-" + syncs++;
        int from = alice.size();
        send(XmlElement.builder("iq", Namespaces.CLIENT).attribute("type", "get").attribute("id", id)
                .attribute("to", to).child(payload).build());
        alice.await(from, e -> Stanzas.isIq(e) && e.attributeOr("id", "").equals(id), WAIT, "the answer to " + id);
    }

    /** Every message stored in the rooms' history, oldest first. */
    List<ChatMessage> history() {
        return store.history().since(0, Integer.MAX_VALUE);
    }

    @Override
    public void close() {
        server.close();
        indexer.close();
        store.close();
    }

    private static InMemoryStore accounts() {
        InMemoryStore s = new InMemoryStore();
        AccountService accounts = new AccountService(s.accounts(), 4096, new SecureRandom(), CLOCK);
        accounts.add(ALICE, PASSWORD);
        accounts.add(BOB, PASSWORD);
        return s;
    }
}
