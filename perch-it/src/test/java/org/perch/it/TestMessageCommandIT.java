package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.domain.chat.ChatRooms;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.Room;
import org.perch.testing.PerchTestServer;

/**
 * {@code perch test message} (Test-CsPersistentChatMessage) as an operator runs it: a separate process that logs
 * two accounts in over XMPP, trusting exactly the running server's certificate, and reports each step.
 */
class TestMessageCommandIT {

    static PerchTestServer server;
    static Path password;
    static Path wrongPassword;

    @BeforeAll
    static void start() throws Exception {
        server = PerchTestServer.start(Map.of());
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            server.addUser(user);
        }
        password = Files.writeString(server.dataDir().resolve("password.txt"), PerchTestServer.PASSWORD + "\n",
                StandardCharsets.UTF_8);
        wrongPassword = Files.writeString(server.dataDir().resolve("wrong.txt"), "not the password\n",
                StandardCharsets.UTF_8);
        perchOk("room", "new", "--name", "Trading Floor", "--category", "General", "--privacy", "open");
        perchOk("room", "new", "--name", "Vault", "--category", "General");
        perchOk("room", "set", "--identity", "Vault", "--members", "alice@localhost");
        // Closed and first by name, so that a test choosing its own room must pass over it: bob may not join.
        perchOk("room", "new", "--name", "Annex", "--category", "General");
        perchOk("room", "set", "--identity", "Annex", "--members", "alice@localhost");
        perchOk("room", "new", "--name", "Bazaar", "--category", "General", "--privacy", "open");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("two accounts exchange a message in the room named, every step passes, and the message is kept")
    void aMessageShouldPassBetweenTwoAccounts() throws Exception {
        PerchCommand run = PerchCommand.runWith(server, Map.of("PERCH_XMPP_C2S_PORT",
                String.valueOf(server.c2sPort())), "test", "message", "--sender-address", "alice@localhost",
                "--sender-password-file", password.toString(), "--receiver-address", "bob@localhost",
                "--receiver-password-file", password.toString(), "--chat-room-uri", "trading floor");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<String> lines = lines(run.out());
        assertThat(lines.getFirst()).startsWith("STEP").contains("RESULT", "MS", "DETAIL");
        List<String[]> steps = lines.subList(1, lines.size() - 1).stream().map(l -> l.split(" {2,}")).toList();
        assertThat(steps).extracting(cells -> cells[0]).containsExactly("sender logs in", "receiver logs in",
                "find room", "receiver joins", "sender joins", "sender posts", "receiver receives", "both leave",
                "both disconnect");
        assertThat(steps).allSatisfy(cells -> {
            assertThat(cells[1]).isEqualTo("ok");
            assertThat(Long.parseLong(cells[2])).isNotNegative();
        });
        assertThat(run.out()).contains("Trading Floor (trading-floor@chat.localhost)", "alice@localhost/perch-test-");
        assertThat(lines.getLast()).isEqualTo("PASS");
        assertThat(bodies("Trading Floor")).anySatisfy(b -> assertThat(b).startsWith("perch test message "));
    }

    @Test
    @DisplayName("without a room, the first one by name that both may join is used; JSON for scripts")
    void withoutARoomTheFirstThatBothMayJoinShouldBeUsed() throws Exception {
        PerchCommand run = perch("test", "message", "--sender-address", "alice@localhost", "--sender-password-file",
                password.toString(), "--receiver-address", "bob@localhost", "--receiver-password-file",
                password.toString(), "--output", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("\"result\" : \"pass\"", "\"failedStep\" : null",
                "\"step\" : \"receiver joins\"", "\"detail\" : \"Bazaar (bazaar@chat.localhost)\"", "\"ms\" : ");
    }

    @Test
    @DisplayName("a wrong password fails the login step, and the rest is skipped")
    void aWrongPasswordShouldFailTheLogin() throws Exception {
        PerchCommand run = perch("test", "message", "--sender-address", "alice@localhost", "--sender-password-file",
                password.toString(), "--receiver-address", "bob@localhost", "--receiver-password-file",
                wrongPassword.toString(), "--chat-room-uri", "Trading Floor");

        assertThat(run.exitCode()).isEqualTo(1);
        List<String> lines = lines(run.out());
        assertThat(lines.get(1).split(" {2,}")).startsWith("sender logs in", "ok");
        assertThat(lines.get(2).split(" {2,}")).startsWith("receiver logs in", "failed");
        assertThat(lines.get(3).split(" {2,}")).containsExactly("find room", "skipped", "-");
        assertThat(lines.getLast()).startsWith("FAIL: receiver logs in: the server refused the login:"
                + " not-authorized");
    }

    @Test
    @DisplayName("a receiver who may not join the Closed room fails the join with the server's own words")
    void aReceiverKeptOutOfAClosedRoomShouldFailTheJoin() throws Exception {
        PerchCommand run = perch("test", "message", "--sender-address", "alice@localhost", "--sender-password-file",
                password.toString(), "--receiver-address", "carol@localhost", "--receiver-password-file",
                password.toString(), "--chat-room-uri", "vault@chat.localhost");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(lines(run.out()).getLast()).isEqualTo("FAIL: receiver joins: vault@chat.localhost:"
                + " registration-required (only members may join this room)");
        assertThat(run.out()).doesNotContain(PerchTestServer.PASSWORD);
    }

    @Test
    @DisplayName("a receiver whose policy does not enable Persistent Chat fails the join with the policy's words")
    void aReceiverWithoutPersistentChatShouldFailTheJoin() throws Exception {
        perchOk("policy", "new", "--identity", "NoChat");
        perchOk("policy", "grant", "--identity", "dave@localhost", "--policy-name", "NoChat");

        PerchCommand run = perch("test", "message", "--sender-address", "alice@localhost", "--sender-password-file",
                password.toString(), "--receiver-address", "dave@localhost", "--receiver-password-file",
                password.toString(), "--chat-room-uri", "Trading Floor");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(lines(run.out()).getLast()).isEqualTo("FAIL: receiver joins: trading-floor@chat.localhost:"
                + " forbidden (" + ChatRooms.POLICY_DISABLED + ")");
    }

    @Test
    @DisplayName("a room nobody can see, or a server elsewhere whose certificate no authority signed, fails")
    void aMissingRoomOrAnUntrustedServerShouldFail() throws Exception {
        PerchCommand missing = perch("test", "message", "--sender-address", "alice@localhost",
                "--sender-password-file", password.toString(), "--receiver-address", "bob@localhost",
                "--receiver-password-file", password.toString(), "--chat-room-uri", "Nowhere");
        assertThat(lines(missing.out()).getLast()).isEqualTo("FAIL: find room: no room named 'Nowhere' that"
                + " alice@localhost can see on chat.localhost");

        PerchCommand elsewhere = perch("test", "message", "--sender-address", "alice@localhost",
                "--sender-password-file", password.toString(), "--receiver-address", "bob@localhost",
                "--receiver-password-file", password.toString(), "--target-fqdn", "127.0.0.1");
        assertThat(elsewhere.exitCode()).isEqualTo(1);
        assertThat(lines(elsewhere.out()).getLast()).startsWith("FAIL: sender logs in:")
                .contains("certificate");
    }

    @Test
    @DisplayName("usage mistakes exit with 2 and say what is wrong")
    void usageMistakesShouldExitWith2() throws Exception {
        PerchCommand noReceiver = perch("test", "message", "--sender-address", "alice@localhost");
        assertThat(noReceiver.exitCode()).isEqualTo(2);
        assertThat(noReceiver.err()).contains("--receiver-address");

        PerchCommand noPassword = perch("test", "message", "--sender-address", "alice@localhost",
                "--receiver-address", "bob@localhost");
        assertThat(noPassword.exitCode()).isEqualTo(2);
        assertThat(noPassword.err()).contains("no password for alice@localhost", "--sender-password-file");

        PerchCommand badTimeout = perch("test", "message", "--sender-address", "alice@localhost",
                "--receiver-address", "bob@localhost", "--timeout", "0");
        assertThat(badTimeout.exitCode()).isEqualTo(2);
        assertThat(badTimeout.err()).contains("--timeout is 1 to 3600 seconds");
    }

    private static PerchCommand perch(String... args) throws Exception {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--port", String.valueOf(server.c2sPort())));
        return PerchCommand.run(server, all.toArray(String[]::new));
    }

    private static void perchOk(String... args) throws Exception {
        PerchCommand run = PerchCommand.run(server, args);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static List<String> bodies(String room) {
        Room stored = server.server().store().rooms().findByName(room).orElseThrow();
        return server.server().store().history().query(HistoryQuery.latest(stored.id(), 50)).orElseThrow()
                .messages().stream().map(ChatMessage::body).toList();
    }

    private static List<String> lines(String out) {
        return out.lines().toList();
    }
}
