package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterGroup;
import org.jivesoftware.smack.roster.SubscribeListener.SubscribeAnswer;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;
import org.perch.testing.SmackClients;

/** Rosters and presence subscriptions (RFC 6121 §2-§3). */
class RosterIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static PerchTestServer server;

    @BeforeAll
    static void startServer() {
        server = PerchTestServer.start();
        for (String user : new String[] {"empty", "ann", "versioned", "alice", "bob"}) {
            server.addUser(user);
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    @DisplayName("RFC 6121 §2.1.3: a new account's roster is empty")
    void newAccountShouldHaveAnEmptyRoster() throws Exception {
        XMPPTCPConnection c = SmackClients.login(server, "empty", "r1");
        try {
            Roster roster = Roster.getInstanceFor(c);
            roster.reloadAndWait();
            assertThat(roster.isLoaded()).isTrue();
            assertThat(roster.getEntries()).isEmpty();
        } finally {
            c.disconnect();
        }
    }

    @Test
    @DisplayName("RFC 6121 §2.3, §2.5: a roster set with name and groups is pushed to the other resource, "
            + "and a remove is pushed too")
    void rosterSetAndRemoveShouldBePushedToTheOtherResource() throws Exception {
        XMPPTCPConnection one = SmackClients.login(server, "ann", "one");
        XMPPTCPConnection two = SmackClients.login(server, "ann", "two");
        try {
            Roster rosterOne = Roster.getInstanceFor(one);
            Roster rosterTwo = Roster.getInstanceFor(two);
            rosterOne.reloadAndWait();
            rosterTwo.reloadAndWait();
            BareJid zed = JidCreate.bareFrom("zed@localhost");

            rosterOne.createItem(zed, "Zed", new String[] {"Friends", "Work"});

            await().atMost(WAIT).untilAsserted(() -> {
                RosterEntry pushed = rosterTwo.getEntry(zed);
                assertThat(pushed).isNotNull();
                assertThat(pushed.getName()).isEqualTo("Zed");
                assertThat(pushed.getGroups()).extracting(RosterGroup::getName)
                        .containsExactlyInAnyOrder("Friends", "Work");
                assertThat(pushed.getType()).isEqualTo(ItemType.none);
            });

            rosterOne.removeEntry(rosterOne.getEntry(zed));

            await().atMost(WAIT).untilAsserted(() -> assertThat(rosterTwo.getEntry(zed)).isNull());
            assertThat(rosterOne.getEntry(zed)).isNull();
        } finally {
            one.disconnect();
            two.disconnect();
        }
    }

    @Test
    @DisplayName("RFC 6121 §2.6.3: a roster get with the current version is answered with an empty result")
    void rosterGetWithTheCurrentVersionShouldReturnAnEmptyResult() {
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            raw.login(server.sslContext(), "versioned", PerchTestServer.PASSWORD, "raw");
            raw.send("<iq type='set' id='s1'><query xmlns='jabber:iq:roster'><item jid='x@localhost' name='X'/>"
                    + "</query></iq>");
            raw.expect("<iq [^>]*id=['\"]s1['\"][^>]*>|<iq [^>]*id=['\"]s1['\"][^>]*/>");
            raw.send("<iq type='get' id='g1'><query xmlns='jabber:iq:roster'/></iq>");
            String version = raw.expect("<iq [^>]*id=['\"]g1['\"][^>]*><query xmlns=['\"]jabber:iq:roster['\"] "
                    + "ver=['\"]([^'\"]+)['\"]>.*?x@localhost.*?</iq>").group(1);

            raw.send("<iq type='get' id='g2'><query xmlns='jabber:iq:roster' ver='" + version + "'/></iq>");

            String reply = raw.expect("<iq [^>]*id=['\"]g2['\"][^>]*(/>|>.*?</iq>)").group();
            assertThat(reply).contains("type=").containsPattern("type=['\"]result['\"]").endsWith("/>");
        }
    }

    @Test
    @DisplayName("RFC 6121 §2: a roster survives a server restart")
    void rosterShouldSurviveARestart() throws Exception {
        PerchTestServer own = PerchTestServer.start(Map.of());
        try {
            own.addUser("keeper");
            BareJid friend = JidCreate.bareFrom("friend@localhost");
            XMPPTCPConnection before = SmackClients.login(own, "keeper", "r");
            try {
                Roster.getInstanceFor(before).createItem(friend, "Old Friend", new String[] {"Kept"});
            } finally {
                before.disconnect();
            }

            own = own.restart();

            XMPPTCPConnection after = SmackClients.login(own, "keeper", "r");
            try {
                Roster roster = Roster.getInstanceFor(after);
                roster.reloadAndWait();
                RosterEntry entry = roster.getEntry(friend);
                assertThat(entry).isNotNull();
                assertThat(entry.getName()).isEqualTo("Old Friend");
                assertThat(entry.getGroups()).extracting(RosterGroup::getName).containsExactly("Kept");
            } finally {
                after.disconnect();
            }
        } finally {
            own.close();
        }
    }

    @Test
    @DisplayName("RFC 6121 §3.1: alice subscribes, bob approves: subscriptions to/from and alice sees bob's presence")
    void approvedSubscriptionShouldShowInBothRostersAndDeliverPresence() throws Exception {
        XMPPTCPConnection alice = SmackClients.login(server, "alice", "a");
        XMPPTCPConnection bob = SmackClients.login(server, "bob", "b");
        try {
            Roster aliceRoster = Roster.getInstanceFor(alice);
            Roster bobRoster = Roster.getInstanceFor(bob);
            bobRoster.setSubscriptionMode(Roster.SubscriptionMode.manual);
            bobRoster.addSubscribeListener((from, presence) -> SubscribeAnswer.Approve);
            aliceRoster.reloadAndWait();
            bobRoster.reloadAndWait();
            BareJid aliceJid = JidCreate.bareFrom("alice@localhost");
            BareJid bobJid = JidCreate.bareFrom("bob@localhost");

            aliceRoster.createItemAndRequestSubscription(bobJid, "Bob", null);

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(aliceRoster.getEntry(bobJid)).isNotNull();
                assertThat(aliceRoster.getEntry(bobJid).getType()).isEqualTo(ItemType.to);
                assertThat(bobRoster.getEntry(aliceJid)).isNotNull();
                assertThat(bobRoster.getEntry(aliceJid).getType()).isEqualTo(ItemType.from);
                Presence seen = aliceRoster.getPresence(bobJid);
                assertThat(seen.isAvailable()).isTrue();
            });
        } finally {
            alice.disconnect();
            bob.disconnect();
        }
    }
}
