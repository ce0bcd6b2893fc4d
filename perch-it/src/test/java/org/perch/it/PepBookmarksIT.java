package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.it.PepClients.BOOKMARKS;
import static org.perch.it.PepClients.bookmark;
import static org.perch.it.PepClients.fullReply;
import static org.perch.it.PepClients.items;
import static org.perch.it.PepClients.login;
import static org.perch.it.PepClients.reply;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;

/** XEP-0402 bookmarks on PEP, end to end over real sockets: two resources of one account, and a restart. */
class PepBookmarksIT {
    private PerchTestServer server = PerchTestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("XEP-0402: a bookmark published from one resource reaches the other as an event, and survives a restart")
    void bookmarkShouldReachTheOtherResourceAndSurviveARestart() {
        server.addUser("alice");
        try (RawXmppClient desk = login(server, "alice", "desk"); RawXmppClient phone = login(server, "alice", "phone")) {
            desk.send(bookmark("pub1", "planning@chat.localhost", "Planning"));
            assertThat(reply(desk, "pub1")).contains("type=\"result\"").contains("planning@chat.localhost");

            String event = phone.expect("<message[^>]*type=\"headline\".*?</message>").group();
            assertThat(event).contains("http://jabber.org/protocol/pubsub#event").contains("node=\"" + BOOKMARKS + "\"")
                    .contains("id=\"planning@chat.localhost\"").contains("name=\"Planning\"")
                    .contains("<nick>desk</nick>");

            phone.send(items("get1", "", BOOKMARKS));
            assertThat(fullReply(phone, "get1")).contains("type=\"result\"").contains("item id=\"planning@chat.localhost\"")
                    .contains("autojoin=\"true\"");
        }

        server = server.restart();

        try (RawXmppClient laptop = login(server, "alice", "laptop")) {
            laptop.send(items("get2", "alice@localhost", BOOKMARKS));
            assertThat(fullReply(laptop, "get2")).contains("type=\"result\"")
                    .contains("item id=\"planning@chat.localhost\"").contains("name=\"Planning\"");
        }
    }

    @Test
    @DisplayName("XEP-0402: retracting a bookmark notifies the other resource and removes it")
    void retractShouldNotifyAndRemove() {
        server.addUser("alice");
        try (RawXmppClient desk = login(server, "alice", "desk"); RawXmppClient phone = login(server, "alice", "phone")) {
            desk.send(bookmark("pub1", "lobby@chat.localhost", "Lobby"));
            reply(desk, "pub1");
            phone.expect("<message[^>]*type=\"headline\".*?</message>");

            desk.send("<iq type='set' id='ret1'><pubsub xmlns='http://jabber.org/protocol/pubsub'><retract node='"
                    + BOOKMARKS + "' notify='true'><item id='lobby@chat.localhost'/></retract></pubsub></iq>");
            assertThat(reply(desk, "ret1")).contains("type=\"result\"");
            assertThat(phone.expect("<message[^>]*type=\"headline\".*?</message>").group())
                    .contains("<retract id=\"lobby@chat.localhost\"");

            phone.send(items("get1", "", BOOKMARKS));
            assertThat(fullReply(phone, "get1")).doesNotContain("lobby@chat.localhost\"/>").doesNotContain("<item ");
        }
    }

    @Test
    @DisplayName("XEP-0163: the account's disco#info shows the pep identity and the features XEP-0402 clients check")
    void accountDiscoShouldAdvertisePep() {
        server.addUser("alice");
        try (RawXmppClient desk = login(server, "alice", "desk")) {
            desk.send("<iq type='get' id='d1' to='alice@localhost'><query"
                    + " xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            assertThat(fullReply(desk, "d1")).contains("category=\"pubsub\" type=\"pep\"")
                    .contains("http://jabber.org/protocol/pubsub#publish-options")
                    .contains("http://jabber.org/protocol/pubsub#config-node-max")
                    .contains("http://jabber.org/protocol/pubsub#access-whitelist")
                    .as("XEP-0402 §5.3: private storage bookmarks are the same list; the legacy PEP node is not synced")
                    .contains("var=\"urn:xmpp:bookmarks:1#compat\"").doesNotContain("#compat-pep");
        }
    }
}
