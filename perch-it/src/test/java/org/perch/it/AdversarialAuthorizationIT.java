package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.XmlElement;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.store.RosterItem;
import org.perch.testing.RawXmppClient;
import org.perch.testing.SmackClients;

/**
 * Issue 9, authorization audit: who a stanza is from. The attacker, mallory, writes {@code from} attributes naming
 * others, and takes nicknames others hold in forms that differ only by case, width, composition, spacing or
 * invisible characters, or that pass for them in other scripts. The server stamps every stanza with the sender's own
 * address (RFC 6120 §8.1.2.1), so no one receives anything that seems to come from someone else and no room acts on a
 * stanza as the victim's; and a room compares nicknames as RFC 8266 §2.4 does, and by their Unicode TR39 skeletons, so
 * a look-alike of a held nickname is a {@code conflict} (XEP-0045 §7.2.9). Perch has no reserved (registered)
 * nicknames (XEP-0045 §7.10), so there is no reservation to bypass.
 */
class AdversarialAuthorizationIT extends AdversarialFixture {
    /** carol's nickname in Lobby: precomposed é, so that composition and case variants both exist. */
    private static final String HELD = "Chlo\u00e9";

    @RegisterExtension
    final Opened opened = new Opened();
    private XMPPTCPConnection carol;
    private MultiUserChat carolInLobby;
    private RawXmppClient mallory;
    private String malloryJid;
    private final List<Stanza> atCarol = new CopyOnWriteArrayList<>();
    /** The nickname mallory holds in Lobby, if she joined it. */
    private String malloryIn;

    @BeforeEach
    void carolInTheLobbyAndMalloryOnline() throws Exception {
        carol = opened.add(SmackClients.login(server, "carol", "desk"));
        PingManager.getInstanceFor(carol); // answers pings, so that where the answer goes shows the ping's sender
        carol.addAsyncStanzaListener(atCarol::add, s -> true);
        carolInLobby = muc(carol, OPEN);
        // No history, so that what carol receives in a test is what that test sent.
        carolInLobby.join(carolInLobby.getEnterConfigurationBuilder(Resourcepart.from(HELD)).requestNoHistory().build());
        // A resource of her own per test, so that nothing of the last test's session, however slow to end, is hers.
        String resource = "raw-" + nextId();
        mallory = opened.add(raw("mallory", resource));
        malloryJid = "mallory@localhost/" + resource;
    }

    @AfterEach
    void everyoneLeaves() throws Exception {
        carolInLobby.leave();
        if (malloryIn != null) {
            // Gone before the next test, so that nobody there meets her nickname still held.
            mallory.send("<presence to='lobby@chat.localhost/" + malloryIn + "' type='unavailable'/>");
            mallory.expect("<presence(?=[^>]*type=\"unavailable\")[^>]*>.*?status code=\"110\"");
        }
    }

    // ---- spoofed from ----

    @Test
    @DisplayName("RFC 6120 §8.1.2.1: a from naming another user, a room occupant, the service or the server is overwritten")
    void aSpoofedFromShouldBeReplacedByTheSendersOwnAddress() {
        List<String> spoofed = List.of("bob@localhost", "bob@localhost/desk", "lobby@chat.localhost/" + HELD,
                "chat.localhost", "localhost", "mallory@localhost/another");
        for (int i = 0; i < spoofed.size(); i++) {
            mallory.send("<message to='carol@localhost' from='" + spoofed.get(i) + "' type='chat' id='" + nextId()
                    + "'><body>spoof-" + i + "</body></message>");
        }
        mallory.send("<presence to='carol@localhost/desk' from='bob@localhost/desk'/>");
        String ping = nextId();
        // carol answers to the ping's from: the answer reaches mallory only if the server wrote her address there.
        String pong = lastStanza(ask(mallory, "<iq type='get' to='carol@localhost/desk' from='localhost' id='" + ping
                + "'><ping xmlns='urn:xmpp:ping'/></iq>", ping), "iq", ping);

        assertThat(pong).contains("type=\"result\"").contains("from=\"carol@localhost/desk\"");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(spoofs()).as("%s", atCarol).hasSize(spoofed.size());
            assertThat(directed()).as("%s", atCarol).isNotEmpty();
        });
        for (List<? extends Stanza> received : List.of(spoofs(), directed())) {
            assertThat(received).allSatisfy(s -> assertThat(s.getFrom().toString()).as(s.toXML().toString())
                    .isEqualTo(malloryJid));
        }
    }

    private List<Message> spoofs() {
        return atCarol.stream().filter(s -> s instanceof Message m && m.getBody() != null
                && m.getBody().startsWith("spoof-")).map(Message.class::cast).toList();
    }

    /** Presence sent to carol herself, not the room's presence of its occupants. */
    private List<Presence> directed() {
        return atCarol.stream().filter(s -> s instanceof Presence p && !p.getFrom().toString().startsWith("lobby@"))
                .map(Presence.class::cast).toList();
    }

    @Test
    @DisplayName("RFC 6120 §8.1.2.1: a roster change sent with the victim's from changes the sender's own roster")
    void aRosterChangeWithASpoofedFromShouldChangeOnlyTheSendersRoster() {
        String id = nextId();
        String answer = lastStanza(ask(mallory, "<iq type='set' from='carol@localhost/desk' id='" + id + "'>"
                + "<query xmlns='jabber:iq:roster'><item jid='bob@localhost' name='trusted'/></query></iq>", id),
                "iq", id);

        assertThat(answer).contains("type=\"result\"");
        assertThat(store().rosters().roster(jid("carol@localhost")).items()).extracting(RosterItem::jid)
                .doesNotContain(jid("bob@localhost"));
        assertThat(store().rosters().roster(jid("mallory@localhost")).items()).extracting(RosterItem::jid)
                .contains(jid("bob@localhost"));
    }

    @Test
    @DisplayName("XEP-0045 §7.4, §7.5, XEP-0421 §4, XEP-0359 §5: a room message cannot pass for another occupant's")
    void aGroupchatMessageShouldCarryOnlyTheSendersOwnIdentity() throws Exception {
        joinRaw(mallory, "mal");
        carolInLobby.sendMessage("carol speaks");
        String carolsOccupantId = occupantIds(MucTestBase.next(carolInLobby)).getFirst();

        for (String from : List.of("lobby@chat.localhost/" + HELD, "carol@localhost/desk")) {
            mallory.send("<message to='lobby@chat.localhost' from='" + from + "' type='groupchat' id='" + nextId()
                    + "'><body>as " + from + "</body><occupant-id xmlns='urn:xmpp:occupant-id:0' id='"
                    + carolsOccupantId + "'/><stanza-id xmlns='urn:xmpp:sid:0' by='lobby@chat.localhost'"
                    + " id='forged'/></message>");
            Message received = MucTestBase.next(carolInLobby);
            assertThat(received.getBody()).isEqualTo("as " + from);
            assertThat(received.getFrom().toString()).isEqualTo("lobby@chat.localhost/mal");
            assertThat(occupantIds(received)).hasSize(1).doesNotContain(carolsOccupantId);
            assertThat(MucTestBase.stanzaId(received)).isNotEqualTo("forged");
        }
        mallory.send("<message to='lobby@chat.localhost/" + HELD + "' from='carol@localhost/desk' type='chat' id='"
                + nextId() + "'><body>private, as carol</body><occupant-id xmlns='urn:xmpp:occupant-id:0' id='"
                + carolsOccupantId + "'/></message>");
        await().atMost(Duration.ofSeconds(10)).until(() -> privateOnes().size() == 1);
        Message privately = privateOnes().getFirst();
        assertThat(privately.getFrom().toString()).isEqualTo("lobby@chat.localhost/mal");
        assertThat(occupantIds(privately)).hasSize(1).doesNotContain(carolsOccupantId);
    }

    private List<Message> privateOnes() {
        return atCarol.stream().filter(s -> s instanceof Message m && "private, as carol".equals(m.getBody()))
                .map(Message.class::cast).toList();
    }

    @Test
    @DisplayName("RFC 6120 §8.1.2.1: room actions sent as the manager or a member are judged as the sender's")
    void roomActionsWithASpoofedFromShouldBeJudgedAsTheSender() throws Exception {
        String before = storeState();
        List<Stanza> bobLeft = new CopyOnWriteArrayList<>();
        StanzaListener listener = bobLeft::add;
        bob.addAsyncStanzaListener(listener, s -> s instanceof Presence p && p.getType() == Presence.Type.unavailable);
        try {
            String grant = nextId();
            assertThat(condition(ask(mallory, "<iq type='set' to='vault@chat.localhost' from='alice@localhost/desk' id='"
                    + grant + "'><query xmlns='http://jabber.org/protocol/muc#admin'><item affiliation='member'"
                    + " jid='mallory@localhost'/></query></iq>", grant))).isEqualTo("forbidden");
            String destroy = nextId();
            String destroyed = ask(mallory, "<iq type='set' to='" + SECRET + "@chat.localhost' from='alice@localhost/desk'"
                    + " id='" + destroy + "'><query xmlns='http://jabber.org/protocol/muc#owner'><destroy/></query></iq>",
                    destroy);
            assertThat(condition(destroyed)).isEqualTo("item-not-found");
            String join = nextId();
            assertThat(condition(ask(mallory, "<presence to='vault@chat.localhost/imposter' from='bob@localhost/desk'"
                    + " id='" + join + "'><x xmlns='http://jabber.org/protocol/muc'/></presence>", join)))
                    .isEqualTo("registration-required");
            String post = nextId();
            assertThat(condition(ask(mallory, "<message to='" + SECRET + "@chat.localhost' from='bob@localhost/desk'"
                    + " type='groupchat' id='" + post + "'><body>as bob</body></message>", post)))
                    .isEqualTo("item-not-found");
            String subject = nextId();
            assertThat(condition(ask(mallory, "<message to='vault@chat.localhost' from='alice@localhost/desk'"
                    + " type='groupchat' id='" + subject + "'><subject>pwned</subject></message>", subject)))
                    .isEqualTo("not-acceptable");
            for (String room : List.of(CLOSED, SECRET)) {
                mallory.send("<presence to='" + room + "@chat.localhost/" + BOB_NICK + "' from='bob@localhost/desk'"
                        + " type='unavailable'/>");
            }
            // The room handles one sender's stanzas in order: an answer to a later one means the leaves were handled.
            String probe = nextId();
            ask(mallory, "<iq type='get' to='vault@chat.localhost' id='" + probe + "'><query"
                    + " xmlns='http://jabber.org/protocol/disco#info'/></iq>", probe);

            for (String room : List.of(CLOSED, SECRET)) {
                assertThat(ServiceDiscoveryManager.getInstanceFor(bob).discoverItems(JidCreate.entityBareFrom(room
                        + "@" + MUC)).getItems()).extracting(i -> i.getEntityID().toString())
                        .contains(room + "@" + MUC + "/" + BOB_NICK);
            }
            assertThat(bobLeft).isEmpty();
            assertNothingHiddenIn(mallory.transcript());
            assertThat(storeState()).isEqualTo(before);
        } finally {
            bob.removeAsyncStanzaListener(listener);
        }
    }

    // ---- nickname collisions ----

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"Chlo\u00e9", "chlo\u00e9", "CHLO\u00c9", "Chloe\u0301", "\uff23\uff48\uff4c\uff4f\u00e9",
            " Chlo\u00e9", "Chlo\u00e9 ", "Chlo\u200b\u00e9", "Chlo\u00e9\u00ad"})
    @DisplayName("XEP-0045 §7.2.9 with RFC 8266 §2.4: a nickname equal to a held one after width, space, case and"
            + " NFKC mapping is a conflict")
    void aNicknameThatComparesEqualToAHeldOneShouldBeAConflict(String nick) throws Exception {
        String id = nextId();
        String answer = lastStanza(ask(mallory, "<presence to='lobby@chat.localhost/" + nick + "' id='" + id + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc'/></presence>", id), "presence", id);

        assertThat(condition(answer)).isEqualTo("conflict");
        assertThat(answer).contains("type=\"cancel\"");
        assertThat(lobbyOccupants()).containsExactly("lobby@chat.localhost/" + HELD);
        assertThat(atCarol).noneMatch(s -> s instanceof Presence p && p.getFrom().toString().startsWith("lobby@")
                && !p.getFrom().toString().endsWith("/" + HELD));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"\u0421hlo\u00e9", "Chl\u043e\u00e9", "\u0421\u041dL\u041e\u00c9", "CHL\u039f\u00c9",
            "Ch1o\u00e9"})
    @DisplayName("XEP-0045 §7.2.9 with TR39 confusables: a nickname that passes for a held one, in Cyrillic or Greek"
            + " letters or with a digit for a letter, is a conflict")
    void aNicknameThatPassesForAHeldOneShouldBeAConflict(String nick) throws Exception {
        String id = nextId();
        String answer = lastStanza(ask(mallory, "<presence to='lobby@chat.localhost/" + nick + "' id='" + id + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc'/></presence>", id), "presence", id);

        assertThat(condition(answer)).isEqualTo("conflict");
        assertThat(lobbyOccupants()).containsExactly("lobby@chat.localhost/" + HELD);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"Chloe", "Chlo\u00eb", "Chlo\u00e8", "Zo\u00e9"})
    @DisplayName("TR39 confusables: a name that differs to the eye, by an accent too, is another nickname, shown as sent")
    void aNicknameThatDiffersToTheEyeShouldJoin(String nick) throws Exception {
        joinRaw(mallory, nick);

        assertThat(lobbyOccupants()).containsExactlyInAnyOrder("lobby@chat.localhost/" + HELD,
                "lobby@chat.localhost/" + nick);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"CHLOE\u0301", "\u0421hlo\u00e9"})
    @DisplayName("XEP-0045 §7.6: changing to a look-alike of a held nickname is a conflict, and the old one stays")
    void aNicknameChangeToALookAlikeShouldBeAConflict(String nick) throws Exception {
        joinRaw(mallory, "mal");
        String id = nextId();

        String answer = lastStanza(ask(mallory, "<presence to='lobby@chat.localhost/" + nick + "' id='" + id + "'/>",
                id), "presence", id);

        assertThat(condition(answer)).isEqualTo("conflict");
        assertThat(lobbyOccupants()).containsExactlyInAnyOrder("lobby@chat.localhost/" + HELD,
                "lobby@chat.localhost/mal");
    }

    @Test
    @DisplayName("XEP-0045 §7.6 with TR39 confusables: re-spelling one's own nickname cannot make it pass for a held"
            + " one")
    void aRespellingOfOnesOwnNicknameThatPassesForAHeldOneShouldBeAConflict() throws Exception {
        joinRaw(mallory, "chio\u00e9"); // told apart from "Chloé" in small letters
        String id = nextId();

        // One nickname with "chioé", but as written its capital I passes for the l of "Chloé".
        String answer = lastStanza(ask(mallory, "<presence to='lobby@chat.localhost/ChIo\u00e9' id='" + id + "'/>",
                id), "presence", id);

        assertThat(condition(answer)).isEqualTo("conflict");
        assertThat(lobbyOccupants()).containsExactlyInAnyOrder("lobby@chat.localhost/" + HELD,
                "lobby@chat.localhost/chio\u00e9");
    }

    @Test
    @DisplayName("XEP-0045 §7.6: an occupant may change the case of its own nickname; it collides with nobody")
    void anOccupantMayRecaseItsOwnNickname() throws Exception {
        joinRaw(mallory, "mal");

        mallory.send("<presence to='lobby@chat.localhost/MAL' id='" + nextId() + "'/>");
        mallory.expect("<presence(?=[^>]*from=\"lobby@chat.localhost/MAL\")[^>]*>.*?status code=\"110\"");
        malloryIn = "MAL";

        assertThat(lobbyOccupants()).containsExactlyInAnyOrder("lobby@chat.localhost/" + HELD,
                "lobby@chat.localhost/MAL");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {" ", "\u200b", "\u00a0\u3000"})
    @DisplayName("XEP-0045 §7.2 with RFC 8266 §2.3: a nickname with nothing to show is jid-malformed")
    void aNicknameWithNothingVisibleShouldBeRefused(String nick) {
        String id = nextId();

        String answer = lastStanza(ask(mallory, "<presence to='lobby@chat.localhost/" + nick + "' id='" + id + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc'/></presence>", id), "presence", id);

        assertThat(condition(answer)).isEqualTo("jid-malformed");
    }

    // ---- helpers ----

    /** mallory joins Lobby with the nickname; returns once the join is complete (the subject came). */
    private void joinRaw(RawXmppClient client, String nick) {
        client.send("<presence to='lobby@chat.localhost/" + nick + "'><x xmlns='http://jabber.org/protocol/muc'/>"
                + "</presence>");
        client.expect("<message(?=[^>]*from=\"lobby@chat.localhost\")[^>]*>\\s*<subject");
        malloryIn = nick;
    }

    private List<String> lobbyOccupants() throws Exception {
        return ServiceDiscoveryManager.getInstanceFor(carol).discoverItems(JidCreate.entityBareFrom(OPEN + "@" + MUC))
                .getItems().stream().map(i -> i.getEntityID().toString()).toList();
    }

    private static List<String> occupantIds(Message m) {
        return m.getExtensions("occupant-id", "urn:xmpp:occupant-id:0").stream().map(XmlElement::toXML)
                .map(CharSequence::toString).map(xml -> {
                    var id = Pattern.compile("id=['\"]([^'\"]+)['\"]").matcher(xml);
                    assertThat(id.find()).isTrue();
                    return id.group(1);
                }).toList();
    }
}
