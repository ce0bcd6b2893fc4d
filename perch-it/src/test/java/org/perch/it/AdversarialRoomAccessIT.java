package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perch.store.chat.Room;
import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;

/**
 * Issue 9, authorization audit: finding rooms one may not see. A Secret room, addressed exactly or by any case, width,
 * composition or escape variant of its address, answers every stanza (discovery, join, messages, its occupants'
 * addresses, owner and admin queries) exactly as a room that does not exist: the variants that fold to its address
 * (RFC 7622 with NFKC and lower case, as Perch's JIDs do) are the same room, the others (percent or XEP-0106-looking
 * escapes, an invisible character) are other, missing rooms, and none is created. A Closed room shows a non-member its
 * name and description, never its subject, occupants or their number. A category creator cannot make a room whose
 * name passes for an existing one's.
 */
class AdversarialRoomAccessIT extends AdversarialFixture {
    /** What a client may send to a room or to one of its occupants: ROOM is the room's local part, ID the id. */
    private static final List<String> PROBES = List.of(
            "<iq type='get' to='ROOM@chat.localhost' id='ID'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>",
            "<iq type='get' to='ROOM@chat.localhost' id='ID'><query xmlns='http://jabber.org/protocol/disco#items'/></iq>",
            "<iq type='get' to='ROOM@chat.localhost/" + BOB_NICK + "' id='ID'><query"
                    + " xmlns='http://jabber.org/protocol/disco#info'/></iq>",
            "<iq type='get' to='ROOM@chat.localhost' id='ID'><query xmlns='http://jabber.org/protocol/muc#owner'/></iq>",
            "<iq type='get' to='ROOM@chat.localhost' id='ID'><query xmlns='http://jabber.org/protocol/muc#admin'>"
                    + "<item affiliation='member'/></query></iq>",
            "<iq type='get' to='ROOM@chat.localhost' id='ID'><vCard xmlns='vcard-temp'/></iq>",
            "<presence to='ROOM@chat.localhost/mal' id='ID'><x xmlns='http://jabber.org/protocol/muc'/></presence>",
            "<presence to='ROOM@chat.localhost/" + BOB_NICK + "' type='probe' id='ID'/>",
            "<message to='ROOM@chat.localhost' type='groupchat' id='ID'><body>hello</body></message>",
            "<message to='ROOM@chat.localhost/" + BOB_NICK + "' type='chat' id='ID'><body>psst</body></message>",
            "<message to='ROOM@chat.localhost' id='ID'><x xmlns='http://jabber.org/protocol/muc#user'>"
                    + "<invite to='carol@localhost'/></x></message>");
    private static final AtomicInteger MISSING = new AtomicInteger();

    @RegisterExtension
    final Opened opened = new Opened();
    private RawXmppClient mallory;

    @BeforeAll
    static void daveCreatesRoomsInSandbox() throws Exception {
        server.addUser("dave");
        PageClient.admin(server, "POST", "/api/v1/categories", """
                {"name": "Sandbox", "creators": ["dave@localhost"], "allowedMembers": ["dave@localhost"]}""");
    }

    @BeforeEach
    void malloryOnline() {
        mallory = opened.add(raw("mallory", "raw"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"cach\u00e9e", "CACH\u00c9E", "Cach\u00e9e", "cache\u0301e", "CACHE\u0301E",
            "\uff43\uff41\uff43\uff48\u00e9\uff45", "cach\u00e9e\u200b", "cach%C3%A9e", "cach\\c3\\a9e", "cach\\20e"})
    @DisplayName("XEP-0045 §6.4, §7.2.6: a Secret room, by any spelling, answers everything as a missing room does")
    void aSecretRoomShouldAnswerAsAMissingRoomByAnySpelling(String address) {
        String before = storeState();
        for (String probe : PROBES) {
            String missing = "nowhere-" + MISSING.incrementAndGet();
            String kind = probe.substring(1, probe.indexOf(' '));
            String id = nextId();
            String secret = lastStanza(ask(mallory, probe.replace("ROOM", address).replace("ID", id), id), kind, id);
            String otherId = nextId();
            String absent = lastStanza(ask(mallory, probe.replace("ROOM", missing).replace("ID", otherId), otherId),
                    kind, otherId);

            assertThat(condition(secret)).as(probe).isEqualTo("item-not-found");
            assertThat(neutral(secret, address, id)).as(probe).isEqualTo(neutral(absent, missing, otherId));
        }
        assertNothingHiddenIn(mallory.transcript());
        assertThat(storeState()).as("no room was created, nothing changed").isEqualTo(before);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"CACH\u00c9E", "cache\u0301e", "\uff43\uff41\uff43\uff48\u00e9\uff45"})
    @DisplayName("RFC 7622 §3.3: a member reaches the one Secret room through any variant that folds to its address")
    void aMemberShouldReachTheSameRoomThroughAVariant(String address) {
        try (RawXmppClient bobRaw = raw("bob", "raw")) {
            bobRaw.send("<presence to='" + address + "@chat.localhost/bob-raw'><x"
                    + " xmlns='http://jabber.org/protocol/muc'/></presence>");

            String self = bobRaw.expect("<presence(?=[^>]*from=\"" + SECRET + "@chat.localhost/bob-raw\")[^>]*>.*?"
                    + "</presence>").group();
            assertThat(self).contains("status code=\"110\"").contains("jid=\"bob@localhost/raw\"");
            bobRaw.send("<presence to='" + SECRET + "@chat.localhost/bob-raw' type='unavailable'/>");
            bobRaw.expect("<presence(?=[^>]*type=\"unavailable\")[^>]*>");
        }
        assertThat(store().rooms().list()).extracting(Room::address).doesNotContain(address);
    }

    @Test
    @DisplayName("XEP-0045 §6.3: the service lists only the rooms and categories the asker may see")
    void theServiceShouldNotListTheSecretRoom() {
        for (String query : List.of("<query xmlns='http://jabber.org/protocol/disco#items'/>",
                "<query xmlns='http://jabber.org/protocol/disco#items' node='categories'/>",
                "<query xmlns='http://jabber.org/protocol/disco#items' node='category/Desk'/>",
                "<query xmlns='http://jabber.org/protocol/disco#info'/>")) {
            String id = nextId();
            String answer = lastStanza(ask(mallory, "<iq type='get' to='chat.localhost' id='" + id + "'>" + query
                    + "</iq>", id), "iq", id);
            assertThat(answer).as(query).contains("type=\"result\"").doesNotContain(SECRET);
        }
        String id = nextId();
        String rooms = lastStanza(ask(mallory, "<iq type='get' to='chat.localhost' id='" + id + "'><query"
                + " xmlns='http://jabber.org/protocol/disco#items'/></iq>", id), "iq", id);
        assertThat(rooms).contains("jid=\"lobby@chat.localhost\"").contains("jid=\"vault@chat.localhost\"");
        assertNothingHiddenIn(mallory.transcript());
    }

    @Test
    @DisplayName("XEP-0045 §6.4, §6.5: a Closed room shows a non-member its name and description, not its subject or"
            + " occupants")
    void aClosedRoomShouldShowANonMemberOnlyItsNameAndDescription() {
        String info = nextId();
        String described = lastStanza(ask(mallory, "<iq type='get' to='vault@chat.localhost' id='" + info + "'><query"
                + " xmlns='http://jabber.org/protocol/disco#info'/></iq>", info), "iq", info);
        String items = nextId();
        String occupants = lastStanza(ask(mallory, "<iq type='get' to='vault@chat.localhost' id='" + items + "'><query"
                + " xmlns='http://jabber.org/protocol/disco#items'/></iq>", items), "iq", items);

        assertThat(described).contains("name=\"Vault\"").contains("vault-description")
                .doesNotContain("muc#roominfo_subject").doesNotContain("muc#roominfo_occupants");
        assertThat(occupants).contains("type=\"result\"").doesNotContain("<item");
        assertNothingHiddenIn(mallory.transcript());
    }

    @Test
    @DisplayName("XEP-0045 §7.5: a Closed room answers a non-member alike for a nickname in use and one that is not")
    void aClosedRoomShouldNotTellANonMemberWhoIsInIt() {
        for (String probe : List.of(
                "<iq type='get' to='vault@chat.localhost/NICK' id='ID'><query"
                        + " xmlns='http://jabber.org/protocol/disco#info'/></iq>",
                "<message to='vault@chat.localhost/NICK' type='chat' id='ID'><body>psst</body></message>")) {
            String kind = probe.substring(1, probe.indexOf(' '));
            String id = nextId();
            String held = lastStanza(ask(mallory, probe.replace("NICK", BOB_NICK).replace("ID", id), id), kind, id);
            String otherId = nextId();
            String free = lastStanza(ask(mallory, probe.replace("NICK", "nobody").replace("ID", otherId), otherId),
                    kind, otherId);

            assertThat(neutral(held, BOB_NICK, id)).as(probe).isEqualTo(neutral(free, "nobody", otherId));
        }
        assertNothingHiddenIn(mallory.transcript());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"\uff33\uff4b\uff55\uff4e\uff4b\uff57\uff4f\uff52\uff4b\uff53", "SKUNKWORKS",
            "Skunkworks\u00a0", "\uff36\uff41\uff55\uff4c\uff54", "Vault\u3000"})
    @DisplayName("RFC 8266 applied to room names: a look-alike of an existing room's name is a name in use")
    void aLookAlikeOfARoomNameShouldBeANameInUse(String name) throws Exception {
        String before = storeState();
        PageClient dave = new PageClient(server).signIn("dave@localhost", PerchTestServer.PASSWORD);

        HttpResponse<String> refused = dave.send("POST", "/rooms/api/rooms", "{\"name\": \"" + name + "\","
                + " \"category\": \"Sandbox\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("\"code\":\"conflict\"").contains("\"field\":\"name\"");
        assertThat(storeState()).isEqualTo(before);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Skunkw\u043erks", "\u0405KUNKWORKS", "V\u0430ult", "Vau1t", "V\u0391ULT"})
    @DisplayName("TR39 confusables: a name that passes for an existing room's in another script, or with a digit for a"
            + " letter, is a name in use, and the refusal names no room")
    void aNameThatPassesForARoomsInAnotherScriptShouldBeANameInUse(String name) throws Exception {
        String before = storeState();
        PageClient dave = new PageClient(server).signIn("dave@localhost", PerchTestServer.PASSWORD);

        HttpResponse<String> refused = dave.send("POST", "/rooms/api/rooms", "{\"name\": \"" + name + "\","
                + " \"category\": \"Sandbox\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("\"code\":\"conflict\"").contains("\"field\":\"name\"")
                .contains("looks like a name already in use").doesNotContain(SECRET_NAME).doesNotContain("Vault");
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    @DisplayName("TR39 confusables: a manager cannot rename a room to pass for another (muc#owner), and may take a"
            + " look-alike of its own name")
    void aRenameToALookAlikeOfAnotherRoomsNameShouldBeAConflict() throws Exception {
        PageClient dave = new PageClient(server).signIn("dave@localhost", PerchTestServer.PASSWORD);
        HttpResponse<String> created = dave.send("POST", "/rooms/api/rooms", "{\"name\": \"Den\", \"category\":"
                + " \"Sandbox\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String before = storeState();
        try (RawXmppClient daveRaw = raw("dave", "raw")) {
            String refused = rename(daveRaw, "SKUNKW\u039fRKS"); // a Greek Omicron

            assertThat(condition(refused)).isEqualTo("conflict");
            assertNothingHiddenIn(daveRaw.transcript());
            assertThat(storeState()).isEqualTo(before);
            assertThat(rename(daveRaw, "D\u0435n")).contains("type=\"result\""); // a Cyrillic е
        }
        assertThat(room("den").name()).isEqualTo("D\u0435n");
    }

    /** Sends Den's configuration form with a new name only; returns the answer. */
    private static String rename(RawXmppClient client, String name) {
        String id = nextId();
        return lastStanza(ask(client, "<iq type='set' to='den@chat.localhost' id='" + id + "'><query"
                + " xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>http://jabber.org/protocol/muc#roomconfig</value></field>"
                + "<field var='muc#roomconfig_roomname'><value>" + name + "</value></field></x></query></iq>", id),
                "iq", id);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"v\u0430ult", "\u0455kunkworks"})
    @DisplayName("TR39 confusables: a join cannot create a room named to pass for another, a Secret one included; it"
            + " answers as a missing room")
    void aJoinShouldNotCreateARoomThatPassesForAnother(String address) {
        String before = storeState();
        try (RawXmppClient daveRaw = raw("dave", "raw")) {
            String id = nextId();
            String joined = lastStanza(ask(daveRaw, "<presence to='" + address + "@chat.localhost/dave' id='" + id
                    + "'><x xmlns='http://jabber.org/protocol/muc'/></presence>", id), "presence", id);

            assertThat(condition(joined)).isEqualTo("item-not-found");
            assertNothingHiddenIn(daveRaw.transcript());
        }
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    @DisplayName("RFC 8266 applied to room names: an invisible character cannot make a second room look like the first")
    void aNameWithAnInvisibleCharacterShouldBeRefused() throws Exception {
        String before = storeState();
        PageClient dave = new PageClient(server).signIn("dave@localhost", PerchTestServer.PASSWORD);
        HttpResponse<String> refused = dave.send("POST", "/rooms/api/rooms", "{\"name\": \"Va\\u200bult\","
                + " \"category\": \"Sandbox\"}");
        try (RawXmppClient daveRaw = raw("dave", "raw")) {
            String id = nextId();
            String joined = lastStanza(ask(daveRaw, "<presence to='va\u200bult@chat.localhost/dave' id='" + id + "'>"
                    + "<x xmlns='http://jabber.org/protocol/muc'/></presence>", id), "presence", id);

            assertThat(condition(joined)).isEqualTo("item-not-found");
        }

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"name\"").contains("U+200B");
        assertThat(storeState()).isEqualTo(before);
    }
}
