package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.store.Store;
import org.perch.store.chat.PolicyIdentity;
import org.perch.store.h2.H2Store;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * {@code perch data export|import} as an operator runs them ({@link PerchCommand}): export from a running server,
 * stop it, import into a new data directory, start a server there, and read the history back with a client.
 */
class DataCommandsIT {

    static final List<String> POSTED = List.of("good morning", "Grüße 👋 東京 \"quoted\"", "last one");

    @TempDir
    Path work;

    @Test
    @DisplayName("export → wipe → import restores rooms and history, and a second export equals the first byte for byte")
    void aRoundTripThroughANewDataDirectoryShouldRestoreEverything() throws Exception {
        Path first = work.resolve("first.jsonl");
        Path second = work.resolve("second.jsonl");
        PerchTestServer original = PerchTestServer.start(Map.of());
        int adminPort = original.server().adminPort();
        try {
            administer(original);
            original.addUser("alice");
            post(original);

            PerchCommand exported = PerchCommand.run(original, "data", "export", "--file", first.toString());
            assertThat(exported.exitCode()).as(exported.err()).isZero();
            assertThat(report(exported)).isEqualTo("exported 1 configuration, 1 policy, 0 policy grants,"
                    + " 2 categories, 1 add-in, 2 rooms,"
                    + " 3 messages to " + first + "\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rw-------");

            PerchCommand whileRunning = PerchCommand.run(original, "data", "import", "--file", first.toString());
            assertThat(whileRunning.exitCode()).isEqualTo(1);
            assertThat(whileRunning.err()).contains("perch: a server answers on the admin port 127.0.0.1:"
                    + adminPort + ": stop the server first");
        } finally {
            original.close();
        }

        Path fresh = work.resolve("fresh-data");
        PerchCommand imported = PerchCommand.runOn(fresh, adminPort, Map.of(), "data", "import", "--file",
                first.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(report(imported)).isEqualTo("imported 1 configuration, 1 policy, 0 policy grants, 2 categories,"
                + " 1 add-in, 2 rooms, 3 messages from " + first + "\n");
        try (Store store = H2Store.open(fresh)) {
            assertThat(store.policies().find(PolicyIdentity.GLOBAL).orElseThrow().enablePersistentChat())
                    .as("the global policy came with the file: chat is on again").isTrue();
        }

        PerchTestServer restored = PerchTestServer.start(fresh, Map.of());
        try {
            restored.addUser("alice");
            assertThat(historyAsAliceSeesIt(restored)).containsExactlyElementsOf(POSTED);
            PerchCommand again = PerchCommand.run(restored, "data", "export", "--file", second.toString());
            assertThat(again.exitCode()).as(again.err()).isZero();
        } finally {
            restored.close();
        }
        assertThat(Files.mismatch(first, second)).as("first byte where the two exports differ").isEqualTo(-1L);
        assertThat(Files.readString(first)).contains("\"name\":\"Bond Desk\"", "\"addin\":\"Ticker\"",
                "\"roomType\":\"auditorium\"", "\"defaultChatHistory\":50", POSTED.get(1).replace("\"", "\\\""));
    }

    /**
     * The command's report, its last line of standard output. (These commands open the store, which logs a line;
     * the CLI's own logging sends that to standard error, but under the tests' logback configuration, on the
     * class path first, it comes out on standard output before the report.)
     */
    private static String report(PerchCommand command) {
        String out = command.out();
        return out.substring(out.lastIndexOf('\n', out.length() - 2) + 1);
    }

    /** What the admin commands set: a category, an add-in, an auditorium showing it, the configuration. */
    private static void administer(PerchTestServer server) throws Exception {
        List<List<String>> commands = List.of(
                List.of("category", "new", "--name", "Trading", "--description", "Desks", "--enable-invitations"),
                List.of("addin", "new", "--name", "Ticker", "--url", "https://apps.example.org/ticker"),
                List.of("room", "new", "--name", "Bond Desk", "--category", "Trading", "--privacy", "open",
                        "--type", "auditorium", "--addin", "Ticker"),
                List.of("configuration", "set", "--default-chat-history", "50"));
        for (List<String> command : commands) {
            PerchCommand run = PerchCommand.run(server, command.toArray(String[]::new));
            assertThat(run.exitCode()).as(command + ": " + run.err()).isZero();
        }
    }

    /** Alice creates a room in General (her own, so Closed with her as manager) and posts into it. */
    private static void post(PerchTestServer server) throws Exception {
        XMPPTCPConnection alice = SmackClients.login(server, "alice", "desk");
        try {
            MultiUserChat room = MultiUserChatManager.getInstanceFor(alice)
                    .getMultiUserChat(JidCreate.entityBareFrom("desk@chat.localhost"));
            room.create(Resourcepart.from("alice")).makeInstant();
            for (String text : POSTED) {
                room.sendMessage(text);
                assertThat(MucTestBase.next(room).getBody()).isEqualTo(text);
            }
        } finally {
            alice.disconnect();
        }
    }

    /** A join's history, with delay stamps, and the archive's full-text search rebuilt from it. */
    private static List<String> historyAsAliceSeesIt(PerchTestServer server) throws Exception {
        XMPPTCPConnection alice = SmackClients.login(server, "alice", "laptop");
        try {
            MultiUserChat room = MultiUserChatManager.getInstanceFor(alice)
                    .getMultiUserChat(JidCreate.entityBareFrom("desk@chat.localhost"));
            room.join(Resourcepart.from("alice"));
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < POSTED.size(); i++) {
                var message = MucTestBase.next(room);
                assertThat(DelayInformation.from(message)).as("a replayed message has a delay stamp").isNotNull();
                bodies.add(message.getBody());
            }
            MamManager archive = MamManager.getInstanceFor(room);
            assertThat(archive.isSupported()).as("MAM on the restored room").isTrue();
            assertThat(MucTestBase.search(archive, "東京")).containsExactly(POSTED.get(1));
            return bodies;
        } finally {
            alice.disconnect();
        }
    }
}
