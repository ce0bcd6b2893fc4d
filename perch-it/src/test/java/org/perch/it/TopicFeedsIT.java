package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.store.chat.Category;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * Topic feeds over real sockets (urn:perch:feeds:0): filters saved and listed by a Smack client, a post matching
 * one reaching its owner as a headline alert and in the feed, and nothing reaching a user who may not read the room.
 * Desk is a Closed room of Alice and Bob; Eve is in the category but not a member.
 */
class TopicFeedsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    static PerchTestServer server;
    static XMPPTCPConnection alice;
    static XMPPTCPConnection bob;
    static XMPPTCPConnection eve;
    static final BlockingQueue<Message> aliceAlerts = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() {
        server = PerchTestServer.start(Map.of("chat.bootstrap-category", ""));
        for (String user : List.of("alice", "bob", "eve")) {
            server.addUser(user);
        }
        Set<Principal> team = Set.of(user("alice"), user("bob"), user("eve"));
        Category category = Category.named("Team").withAllowedMembers(team);
        server.server().store().categories().create(category);
        Room desk = Room.create("desk", category.id(), "Desk");
        server.server().store().rooms().create(desk.withSettings(desk.settings().withPrivacy(Privacy.CLOSED))
                .withRoles(desk.roles().withMembers(Set.of(user("alice"), user("bob")))));
        alice = SmackClients.login(server, "alice", "laptop");
        bob = SmackClients.login(server, "bob", "desk");
        eve = SmackClients.login(server, "eve", "desk");
        alice.addAsyncStanzaListener(s -> aliceAlerts.add((Message) s), MessageTypeFilter.HEADLINE);
    }

    private static Principal user(String local) {
        return new Principal.User(Jid.of(local + "@localhost"));
    }

    @AfterAll
    static void stop() {
        for (XMPPTCPConnection c : List.of(alice, bob, eve)) {
            c.disconnect();
        }
        server.close();
    }

    @Test
    @DisplayName("A post matching a filter reaches its owner as a headline alert and in the feed, with the message")
    void aMatchingPostShouldBeAlertedAndListed() throws Exception {
        StandardExtensionElement saved = TopicFeedClient.save(alice, "name='Auctions'",
                "<keyword>auction</keyword><phrase>bond sale</phrase>");
        String filterId = saved.getAttributeValue("id");
        assertThat(filterId).isNotBlank();
        MultiUserChat bobInDesk = join(bob, "desk");

        bobInDesk.sendMessage("lunch at one?");
        bobInDesk.sendMessage("The AUCTION opens at ten");

        Message alert = aliceAlerts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(alert).as("an alert for the match").isNotNull();
        assertThat(alert.getFrom().toString()).isEqualTo("chat.localhost");
        assertThat(alert.getBody()).isEqualTo("Auctions: bob in Desk: The AUCTION opens at ten");
        StandardExtensionElement details = (StandardExtensionElement) alert.getExtensionElement("alert",
                TopicFeedClient.NS);
        assertThat(details.getAttributeValue("room")).isEqualTo("desk@chat.localhost");
        assertThat(details.getAttributeValue("filters")).isEqualTo(filterId);

        StandardExtensionElement feed = TopicFeedClient.feed(alice, "max='10'");
        List<StandardExtensionElement> items = TopicFeedClient.children(feed, "item");
        assertThat(items).hasSize(1);
        assertThat(items.getFirst().getAttributeValue("stanza-id")).isEqualTo(details.getAttributeValue("stanza-id"));
        String forwarded = items.getFirst().toXML().toString();
        assertThat(forwarded).contains("The AUCTION opens at ten").contains("urn:xmpp:forward:0")
                .contains("desk@chat.localhost/bob");
        assertThat(feed.getAttributeValue("next-before")).as("the feed's end").isNull();
    }

    @Test
    @DisplayName("A user who may not read the room gets neither alert nor feed entry, whatever their filter says")
    void aRoomTheUserMayNotReadShouldStayOutOfTheirFeed() throws Exception {
        TopicFeedClient.save(eve, "name='Budget'", "<keyword>budget</keyword>");
        TopicFeedClient.save(alice, "name='Budget' alert='false'", "<keyword>budget</keyword>");
        MultiUserChat bobInDesk = join(bob, "desk");

        bobInDesk.sendMessage("the budget is final");

        // Both owners' matches are stored in one transaction: once Alice's is there, Eve's would be too.
        await().atMost(WAIT).until(() -> !TopicFeedClient.children(TopicFeedClient.feed(alice, ""), "item")
                .stream().filter(i -> i.toXML().toString().contains("the budget is final")).toList().isEmpty());
        assertThat(TopicFeedClient.children(TopicFeedClient.feed(eve, ""), "item")).isEmpty();
    }

    @Test
    @DisplayName("Filters are listed as saved, replaced by id, removed; the service advertises the extension")
    void filtersShouldBeListedReplacedAndRemoved() throws Exception {
        StandardExtensionElement saved = TopicFeedClient.save(bob, "name='From Alice' alert='false'",
                "<sender>alice@localhost</sender><room>desk@chat.localhost</room>");
        String id = saved.getAttributeValue("id");

        StandardExtensionElement listed = TopicFeedClient.ask(bob, IQ.Type.get, "filters", "", "");
        assertThat(TopicFeedClient.children(listed, "filter")).singleElement().satisfies(f -> {
            assertThat(f.getAttributeValue("name")).isEqualTo("From Alice");
            assertThat(f.getAttributeValue("alert")).isEqualTo("false");
            assertThat(f.getFirstElement("sender", TopicFeedClient.NS).getText()).isEqualTo("alice@localhost");
            assertThat(f.getFirstElement("room", TopicFeedClient.NS).getText()).isEqualTo("desk@chat.localhost");
        });

        TopicFeedClient.save(bob, "id='" + id + "' name='Rates'", "<keyword>rates</keyword>");
        assertThat(TopicFeedClient.children(TopicFeedClient.ask(bob, IQ.Type.get, "filters", "", ""), "filter"))
                .singleElement().satisfies(f -> {
                    assertThat(f.getAttributeValue("id")).isEqualTo(id);
                    assertThat(f.getFirstElement("keyword", TopicFeedClient.NS).getText()).isEqualTo("rates");
                });

        TopicFeedClient.ask(bob, IQ.Type.set, "remove", "id='" + id + "'", "");
        assertThat(TopicFeedClient.children(TopicFeedClient.ask(bob, IQ.Type.get, "filters", "", ""), "filter"))
                .isEmpty();
        assertThat(ServiceDiscoveryManager.getInstanceFor(bob).discoverInfo(JidCreate.domainBareFrom("chat.localhost"))
                .containsFeature(TopicFeedClient.NS)).isTrue();
    }

    @Test
    @DisplayName("Bad filters and requests get specific errors: no criterion, a hidden room, a removed filter, a bad page")
    void badRequestsShouldGetSpecificErrors() {
        assertError(() -> TopicFeedClient.save(eve, "name='Nothing'", ""), StanzaError.Condition.not_acceptable,
                "a filter needs a keyword, a phrase, a sender or a room");
        assertError(() -> TopicFeedClient.save(eve, "name='Desk'", "<room>desk@chat.localhost</room>"),
                StanzaError.Condition.item_not_found, "no such room: desk");
        assertError(() -> TopicFeedClient.save(eve, "name='X'", "<sender>not a jid@@</sender>"),
                StanzaError.Condition.jid_malformed, "not a user's JID");
        assertError(() -> TopicFeedClient.ask(eve, IQ.Type.set, "remove", "id='nosuch'", ""),
                StanzaError.Condition.item_not_found, "no such filter: nosuch");
        assertError(() -> TopicFeedClient.feed(eve, "max='1000'"), StanzaError.Condition.bad_request,
                "max is from 1 to 100");
        assertError(() -> TopicFeedClient.ask(eve, IQ.Type.get, "unknown", "", ""),
                StanzaError.Condition.feature_not_implemented, "no such topic-feed request");
    }

    private static void assertError(ThrowingRequest request, StanzaError.Condition condition, String text) {
        assertThatThrownBy(request::run).isInstanceOfSatisfying(XMPPErrorException.class, e -> {
            assertThat(e.getStanzaError().getCondition()).isEqualTo(condition);
            assertThat(e.getStanzaError().getDescriptiveText()).contains(text);
        });
    }

    @FunctionalInterface
    private interface ThrowingRequest {
        void run() throws Exception;
    }

    private static MultiUserChat join(XMPPTCPConnection who, String room) throws Exception {
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(who)
                .getMultiUserChat(JidCreate.entityBareFrom(room + "@chat.localhost"));
        if (!muc.isJoined()) {
            muc.join(Resourcepart.from(who.getUser().getLocalpart().toString()));
        }
        return muc;
    }
}
