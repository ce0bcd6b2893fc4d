package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.core.Jid;
import org.perch.store.Store;
import org.perch.store.chat.Room;
import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;
import org.perch.testing.SmackClients;

/**
 * What the adversarial authorization tests (issue 9) share: one server per test class, with the category Desk
 * (alice its creator; bob, carol and mallory in its scope, none of them creators, so a join to a missing address
 * creates nothing), and three rooms alice manages: Lobby (Open), Vault (Closed, bob a member) and Skunkworks (Secret,
 * at {@code cachée@chat.localhost}, bob a member). bob is in Vault and Skunkworks as {@value #BOB_NICK} and has posted
 * in each; both rooms have a subject. mallory is the attacker: everything she may see of Vault is its name and
 * description, and of Skunkworks nothing at all. root is a Persistent Chat administrator.
 *
 * <p>The attacker talks through {@link RawXmppClient}, which sends exactly the stanzas written (spoofed attributes,
 * unnormalised addresses) and keeps a transcript of everything received, which {@link #assertNothingHiddenIn}
 * searches for what she must never see.
 */
abstract class AdversarialFixture {
    static final String MUC = "chat.localhost";
    static final String OPEN = "lobby";
    static final String CLOSED = "vault";
    /** The Secret room's address: precomposed é, so that case, width and composition variants all differ. */
    static final String SECRET = "cach\u00e9e";
    static final String SECRET_NAME = "Skunkworks";
    static final String BOB_NICK = "bobnick";
    static final String CLOSED_WORD = "quartz";
    static final String SECRET_WORD = "saffron";
    /**
     * What only those who may read Vault or Skunkworks may see: the Secret room's name, description and subject,
     * both rooms' messages and Vault's subject, and who is in them. Vault's name and description are public (Closed
     * rooms are listed).
     */
    static final List<String> HIDDEN = List.of(SECRET_NAME, "skunk-description", "skunk-subject", SECRET_WORD,
            "vault-subject", CLOSED_WORD, BOB_NICK, "bob@localhost");

    private static final AtomicInteger IDS = new AtomicInteger();

    static PerchTestServer server;
    static XMPPTCPConnection bob;
    /** The stanza-ids bob's messages got in Vault and in Skunkworks. */
    static String closedStanzaId;
    static String secretStanzaId;
    /** Perch's own id of bob's Vault message: the marker the service-wide search pages with. */
    static long closedMessageId;

    @BeforeAll
    static void startServer() throws Exception {
        // Failed passwords are part of the attack: a lockout must not end the test early.
        server = PerchTestServer.start(Map.of("chat.bootstrap-category", "",
                "auth.max-failures-per-account", "1000000", "auth.max-failures-per-address", "1000000"));
        for (String user : List.of("alice", "bob", "carol", "mallory")) {
            server.addUser(user);
        }
        server.addAdmin("root");
        PageClient.admin(server, "POST", "/api/v1/categories", """
                {"name": "Desk", "creators": ["alice@localhost"], "allowedMembers": ["alice@localhost",
                 "bob@localhost", "carol@localhost", "mallory@localhost"]}""");
        PageClient.admin(server, "POST", "/api/v1/rooms", """
                {"name": "Lobby", "address": "lobby", "category": "Desk", "privacy": "open",
                 "managers": ["alice@localhost"]}""");
        PageClient.admin(server, "POST", "/api/v1/rooms", """
                {"name": "Vault", "address": "vault", "category": "Desk", "privacy": "closed",
                 "description": "vault-description", "managers": ["alice@localhost"], "members": ["bob@localhost"]}""");
        PageClient.admin(server, "POST", "/api/v1/rooms", """
                {"name": "Skunkworks", "address": "cach\u00e9e", "category": "Desk", "privacy": "secret",
                 "description": "skunk-description", "managers": ["alice@localhost"], "members": ["bob@localhost"]}""");
        setSubject(CLOSED, "vault-subject");
        setSubject(SECRET, "skunk-subject");

        bob = SmackClients.login(server, "bob", "desk");
        closedStanzaId = post(CLOSED, CLOSED_WORD + " is what the vault holds");
        secretStanzaId = post(SECRET, SECRET_WORD + " is what the skunkworks brews");
        closedMessageId = store().history().find(room(CLOSED).id(), closedStanzaId).orElseThrow().id();
        // The index follows history off the delivery path: a search finding nothing must mean refused, not unindexed.
        for (String address : List.of(CLOSED, SECRET)) {
            MamManager mam = MamManager.getInstanceFor(muc(bob, address));
            assertThat(mam.isSupported()).isTrue(); // Smack learns the MAM version this way
            await().atMost(Duration.ofSeconds(20)).until(() -> !MucTestBase.search(mam,
                    address.equals(CLOSED) ? CLOSED_WORD : SECRET_WORD).isEmpty());
        }
    }

    @AfterAll
    static void stopServer() {
        bob.disconnect();
        server.close();
    }

    static Store store() {
        return server.server().store();
    }

    static Room room(String address) {
        return store().rooms().findByAddress(address).orElseThrow();
    }

    private static void setSubject(String address, String subject) {
        store().rooms().update(room(address).withSubject(subject));
    }

    static MultiUserChat muc(XMPPTCPConnection who, String address) throws Exception {
        return MultiUserChatManager.getInstanceFor(who).getMultiUserChat(JidCreate.entityBareFrom(address + "@" + MUC));
    }

    /** bob joins (if not yet in) and posts; returns the stanza-id the room gave the message. */
    private static String post(String address, String body) throws Exception {
        MultiUserChat room = muc(bob, address);
        if (!room.isJoined()) {
            room.join(Resourcepart.from(BOB_NICK));
        }
        room.sendMessage(body);
        Message echo = MucTestBase.next(room);
        assertThat(echo.getBody()).isEqualTo(body);
        return MucTestBase.stanzaId(echo);
    }

    // ---- the attacker's side ----

    /** A raw client logged in as {@code user} with the resource, ready for stanzas. */
    static RawXmppClient raw(String user, String resource) {
        RawXmppClient client = RawXmppClient.connect(server.c2sPort());
        client.login(server.sslContext(), user, PerchTestServer.PASSWORD, resource);
        return client;
    }

    /** A stanza id no other request of the run has. */
    static String nextId() {
        return "adv-" + IDS.incrementAndGet();
    }

    /**
     * Sends the stanza, whose {@code id} attribute is {@code id}, and returns everything received up to and including
     * the stanza that answers it (same id, of the same kind).
     */
    static String ask(RawXmppClient client, String stanza, String id) {
        String kind = stanza.substring(1, stanza.indexOf(' '));
        client.send(stanza);
        return client.expect(".*?" + answer(kind, id)).group();
    }

    /** A regular expression for the answer with that id: {@code <kind … id="id" …/>} or {@code <kind …>…</kind>}. */
    static String answer(String kind, String id) {
        return "<" + kind + "\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*?(/>|>.*?</" + kind + ">)";
    }

    /** The answer alone: the last stanza of what {@link #ask} returned. */
    static String lastStanza(String received, String kind, String id) {
        var m = Pattern.compile(answer(kind, id), Pattern.DOTALL).matcher(received);
        assertThat(m.find()).as("an answer with id %s in %s", id, received).isTrue();
        return m.group();
    }

    /** The stanza-error condition of an answer, such as {@code item-not-found}; fails if it is no error. */
    static String condition(String answer) {
        var m = Pattern.compile("<error\\b[^>]*>\\s*<([a-z-]+) xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\"")
                .matcher(answer);
        assertThat(m.find()).as("a stanza error in %s", answer).isTrue();
        return m.group(1);
    }

    /** The answer with the address asked about and the request id written as placeholders, for comparison. */
    static String neutral(String answer, String address, String id) {
        return answer.replace(address, "ADDRESS").replace("\"" + id + "\"", "\"ID\"");
    }

    /**
     * Fails if anything in {@link #HIDDEN} is in what the attacker received. An error's {@code from} is left out: it
     * is the address her own stanza named ({@code vault@chat.localhost/bobnick}), echoed back to her.
     */
    static void assertNothingHiddenIn(String received) {
        String withoutEchoes = received.replaceAll("(<(iq|message|presence) type=\"error\"[^>]*?) from=\"[^\"]*\"",
                "$1");
        for (String hidden : HIDDEN) {
            assertThat(withoutEchoes).as("what the attacker received").doesNotContainIgnoringCase(hidden);
        }
    }

    // ---- the store, before and after ----

    /**
     * Everything an attack could change, as text: accounts (with their verifiers), categories, rooms (roles,
     * settings, subject), add-ins, policies, and every stored message.
     */
    static String storeState() {
        Store s = store();
        String accounts = s.accounts().list().stream().map(j -> s.accounts().find(j).orElseThrow())
                .map(a -> a.jid() + " admin=" + a.admin() + " " + a.credentials().values().stream()
                        .map(c -> HexFormat.of().formatHex(c.storedKey())).sorted().collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n"));
        String history = s.history().since(0, 100_000).stream().map(m -> m.id() + " " + m.room() + " " + m.stanzaId()
                + " " + m.sender() + " " + m.body() + " " + m.retraction()).collect(Collectors.joining("\n"));
        return String.join("\n---\n", accounts, s.categories().list().toString(), s.rooms().list().toString(),
                s.addins().list().toString(), s.policies().list().toString(), s.policies().grants().toString(),
                s.configuration().load().toString(), history);
    }

    static Jid jid(String text) {
        return Jid.of(text);
    }
}
