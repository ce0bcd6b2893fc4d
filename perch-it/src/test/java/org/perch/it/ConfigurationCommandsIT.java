package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.testing.SmackClients;

/** {@code perch configuration …} as an operator runs it ({@link PerchCommand}): changes are in force at once. */
class ConfigurationCommandsIT extends MucTestBase {

    @Test
    @DisplayName("A new DefaultChatHistory applies to the next join, without a restart; remove restores the file's")
    void aNewHistoryLengthShouldApplyToTheNextJoin() throws Exception {
        MultiUserChat room = newRoom(alice);
        for (int i = 1; i <= 5; i++) {
            room.sendMessage("m" + i);
            assertThat(next(room).getBody()).isEqualTo("m" + i);
        }

        PerchCommand set = PerchCommand.run(server, "configuration", "set", "--default-chat-history", "3");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("defaultChatHistory:", "3");
        assertThat(firstHistoryMessage(room, "second")).isEqualTo("m3");

        PerchCommand reset = PerchCommand.run(server, "configuration", "remove");
        assertThat(reset.exitCode()).as(reset.err()).isZero();
        assertThat(firstHistoryMessage(room, "third")).as("30 again, so all five").isEqualTo("m1");
    }

    @Test
    @DisplayName("Values outside Lync's bounds are refused, naming the setting")
    void outOfBoundsValuesShouldBeRefused() throws Exception {
        PerchCommand refused = PerchCommand.run(server, "configuration", "set", "--default-chat-history", "501");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("between 1 and 500", "(defaultChatHistory)");
        assertThat(PerchCommand.run(server, "configuration", "get").out()).contains("30");
    }

    /** Alice joins again from a new connection and reads the first message of the history she is sent. */
    private String firstHistoryMessage(MultiUserChat room, String resource) throws Exception {
        XMPPTCPConnection again = track(SmackClients.login(server, "alice", resource));
        MultiUserChat joined = MultiUserChatManager.getInstanceFor(again).getMultiUserChat(room.getRoom());
        joined.join(Resourcepart.from("alice-" + resource));
        return next(joined).getBody();
    }
}
