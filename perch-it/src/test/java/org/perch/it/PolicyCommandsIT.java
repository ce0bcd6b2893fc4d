package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.UserStatusListener;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.domain.chat.ChatRooms;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * {@code perch policy …} against a server as shipped: Persistent Chat is off for every account until a policy
 * turns it on, and a change reaches connected users at once.
 */
class PolicyCommandsIT {

    private static PerchTestServer server;
    private static int rooms;

    @BeforeAll
    static void start() {
        server = PerchTestServer.startAsShipped(Map.of());
        server.addUser("alice");
        server.addUser("bob");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("As shipped, nobody may join or search until the global policy enables Persistent Chat")
    void persistentChatShouldBeOffUntilTheGlobalPolicyEnablesIt() throws Exception {
        PerchCommand listed = perch("policy", "get");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).containsPattern("global\\s+global\\s+disabled");
        XMPPTCPConnection alice = SmackClients.login(server, "alice", "first");
        try {
            assertThatThrownBy(() -> create(alice)).isInstanceOfSatisfying(XMPPErrorException.class, e -> {
                assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden);
                assertThat(e.getStanzaError().getDescriptiveText()).isEqualTo(ChatRooms.POLICY_DISABLED);
            });
            assertThat(server.server().store().rooms().list()).isEmpty();

            PerchCommand on = perch("policy", "set", "--enable-persistent-chat", "true");
            assertThat(on.exitCode()).as(on.err()).isZero();
            assertThat(on.out()).containsPattern("enablePersistentChat:\\s+true");

            MultiUserChat room = create(alice);
            assertThat(room.isJoined()).isTrue();
        } finally {
            alice.disconnect();
            perch("policy", "remove", "--identity", "global");
        }
    }

    @Test
    @DisplayName("A per-user policy granted to a connected user takes them out of their rooms and stops their search")
    void aGrantShouldApplyToAConnectedUserAtOnce() throws Exception {
        assertThat(perch("policy", "set", "--enable-persistent-chat", "true").exitCode()).isZero();
        XMPPTCPConnection alice = SmackClients.login(server, "alice", "second");
        XMPPTCPConnection bob = SmackClients.login(server, "bob", "second");
        try {
            MultiUserChat owned = create(alice);
            MucTestBase.configure(owned, "perch#privacy", List.of("open"));
            MultiUserChat asBob = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(owned.getRoom());
            asBob.join(Resourcepart.from("bob"));
            CountDownLatch removed = new CountDownLatch(1);
            asBob.addUserStatusListener(new UserStatusListener() {
                @Override
                public void removed(MUCUser mucUser, org.jivesoftware.smack.packet.Presence presence) {
                    removed.countDown();
                }
            });

            PerchCommand created = perch("policy", "new", "--identity", "Quiet", "--description", "no chat");
            assertThat(created.exitCode()).as(created.err()).isZero();
            PerchCommand granted = perch("policy", "grant", "--identity", "bob@localhost", "--policy-name", "quiet");
            assertThat(granted.exitCode()).as(granted.err()).isZero();
            assertThat(granted.out()).containsPattern("bob@localhost\\s+tag:Quiet\\s+tag:Quiet\\s+disabled");

            assertThat(removed.await(10, TimeUnit.SECONDS)).as("bob is taken out of the room").isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> !owned.getOccupants().stream()
                    .map(o -> o.getResourceOrEmpty().toString()).toList().contains("bob"));
            MamManager archive = MamManager.getInstanceFor(asBob);
            assertThat(archive.isSupported()).as("the room is still listed for bob").isTrue();
            assertThatThrownBy(() -> archive.queryArchive(
                    MamManager.MamQueryArgs.builder().build())).isInstanceOfSatisfying(XMPPErrorException.class, e -> {
                        assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden);
                        assertThat(e.getStanzaError().getDescriptiveText()).isEqualTo(ChatRooms.POLICY_DISABLED);
                    });

            PerchCommand inUse = perch("policy", "remove", "--identity", "Quiet");
            assertThat(inUse.exitCode()).isEqualTo(1);
            assertThat(inUse.err()).contains("bob@localhost", "force");
            assertThat(perch("policy", "grant", "--identity", "bob@localhost", "--policy-name", "").exitCode())
                    .isZero();
            MultiUserChat back = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(owned.getRoom());
            back.join(Resourcepart.from("bob-again"));
            assertThat(back.isJoined()).as("the global policy applies again").isTrue();
            assertThat(perch("policy", "get", "--user", "bob@localhost").out())
                    .containsPattern("bob@localhost\\s+-\\s+global\\s+enabled");
        } finally {
            alice.disconnect();
            bob.disconnect();
            perch("policy", "remove", "--identity", "global");
        }
    }

    @Test
    @DisplayName("Mistakes get one clear line and exit code 1 or 2")
    void mistakesShouldBeRefusedClearly() throws Exception {
        PerchCommand global = perch("policy", "new", "--identity", "global");
        assertThat(global.exitCode()).isEqualTo(1);
        assertThat(global.err()).isEqualTo("perch: the global policy always exists; change it instead\n");

        PerchCommand nobody = perch("policy", "grant", "--identity", "ghost@localhost", "--policy-name", "");
        assertThat(nobody.exitCode()).isEqualTo(1);
        assertThat(nobody.err()).isEqualTo("perch: no account ghost@localhost\n");

        PerchCommand nothing = perch("policy", "set");
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.err()).contains("nothing to change");

        PerchCommand notBoolean = perch("policy", "set", "--enable-persistent-chat", "maybe");
        assertThat(notBoolean.exitCode()).isEqualTo(2);

        assertThat(perch("policy", "get", "--filter", "site:*").out()).doesNotContain("global");
        assertThat(perch("policy", "get", "--output", "json").out()).contains("\"identity\" : \"global\"");
    }

    private static PerchCommand perch(String... args) throws Exception {
        return PerchCommand.run(server, args);
    }

    private static MultiUserChat create(XMPPTCPConnection owner) throws Exception {
        EntityBareJid jid = JidCreate.entityBareFrom("policy" + (++rooms) + "@chat.localhost");
        MultiUserChat room = MultiUserChatManager.getInstanceFor(owner).getMultiUserChat(jid);
        room.create(Resourcepart.from(owner.getUser().getLocalpart().toString())).makeInstant();
        return room;
    }
}
