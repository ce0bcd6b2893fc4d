package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.core.Jid;
import org.perch.domain.account.AccountService;
import org.perch.store.Store;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.ChatPolicy;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.Room;
import org.perch.store.compliance.ComplianceConfiguration;
import org.perch.store.compliance.CrashPoint;
import org.perch.store.h2.H2Store;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * Exactly once, whatever the moment of a crash: a server in its own process is stopped at a point between two
 * writes of the compliance pipeline ({@link CrashPoint}: while a message and its event are written, between the
 * copy into the compliance database and the outbox's cleanup, between an export's files and its completion), killed
 * with SIGKILL there, and restarted. Every message in history is then exported exactly once, and nothing else is.
 */
class ComplianceKillNineIT {

    private static final int MESSAGES = 20;

    /** The server process: starts Perch on the prepared data directory, prints its ports, waits to be killed. */
    public static final class ServerProcess {
        public static void main(String[] args) throws InterruptedException {
            PerchTestServer server = PerchTestServer.start(Path.of(args[0]), Map.of());
            System.out.println("PORTS " + server.c2sPort() + " " + server.server().adminPort());
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"capture", "move", "export"})
    @DisplayName("After kill -9 at each point of the pipeline, every message is exported exactly once")
    void everyMessageShouldBeExportedExactlyOnce(String point) throws Exception {
        Path dataDir = Files.createTempDirectory("perch-compliance-kill9-");
        Path out = Files.createDirectories(dataDir.resolve("compliance-out"));
        Path marker = dataDir.resolve("paused");
        prepare(dataDir, out);
        Process process = start(dataDir, point, marker);
        try {
            int[] ports = ports(process);
            XMPPTCPConnection alice = SmackClients.login(SmackClients.starttls(dataDir, ports[0]), "alice",
                    PerchTestServer.PASSWORD, "desk");
            MultiUserChat room = MultiUserChatManager.getInstanceFor(alice)
                    .getMultiUserChat(JidCreate.entityBareFrom("audited@chat.localhost"));
            room.create(Resourcepart.from("alice")).makeInstant();
            if (point.equals("capture")) {
                room.sendMessage("the first message, caught in the act"); // its write stops at the point
            } else {
                CountDownLatch echoed = new CountDownLatch(MESSAGES);
                room.addMessageListener(m -> echoed.countDown());
                for (int i = 0; i < MESSAGES; i++) {
                    room.sendMessage("message " + i);
                }
                assertThat(echoed.await(30, TimeUnit.SECONDS)).as("every message stored").isTrue();
                if (point.equals("export")) {
                    CompletableFuture.runAsync(() -> runNow(dataDir, ports[1]));
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(marker));
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }

        try (PerchTestServer restarted = PerchTestServer.start(dataDir, Map.of())) {
            PerchCommand run = PerchCommand.run(restarted, "compliance", "run-now");
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            List<String> stored = history(restarted, "audited");
            List<JsonNode> exported = ComplianceExports.read(out);

            assertThat(ComplianceExports.chatMessageIds(exported)).as("each stored message exported once, in order")
                    .containsExactlyElementsOf(stored);
            assertThat(exported).extracting(e -> e.path("event").asText()).doesNotHaveDuplicates();
            assertThat(exported).extracting(e -> e.path("sequence").asLong()).doesNotHaveDuplicates().isSorted();
            if (!point.equals("capture")) {
                assertThat(stored).hasSize(MESSAGES);
            }
            PerchCommand verify = PerchCommand.run(restarted, "compliance", "verify", out.toString());
            assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        }
    }

    /** A store as a test server's first start makes it, with compliance on, writing JSON Lines to {@code out}. */
    private static void prepare(Path dataDir, Path out) {
        try (Store store = H2Store.open(dataDir)) {
            store.policies().update(ChatPolicy.GLOBAL_DEFAULT.withEnablePersistentChat(true));
            store.complianceConfiguration().save(new ComplianceConfiguration(Optional.of("jsonl"), "crash test",
                    Optional.of(out.toString()), false, false, false, false, Duration.ofMinutes(1)));
            new AccountService(store.accounts(), 4096, new SecureRandom(), Clock.systemUTC())
                    .add(Jid.bare("alice", PerchTestServer.DOMAIN), PerchTestServer.PASSWORD);
        }
    }

    private static List<String> history(PerchTestServer server, String address) {
        Store store = server.server().store();
        Room room = store.rooms().findByAddress(address).orElseThrow();
        return store.history().query(HistoryQuery.earliest(room.id(), 10_000)).orElseThrow().messages().stream()
                .map(ChatMessage::stanzaId).toList();
    }

    private static void runNow(Path dataDir, int adminPort) {
        try {
            PerchCommand.runOn(dataDir, adminPort, Map.of(), "compliance", "run-now");
        } catch (Exception e) {
            // The server is killed while this waits for its answer: the failure is expected.
        }
    }

    private static Process start(Path dataDir, String point, Path marker) throws Exception {
        return ChildProcesses.startJava(ServerProcess.class, List.of("-D" + CrashPoint.PROPERTY + "=" + point,
                "-D" + CrashPoint.MARKER + "=" + marker), List.of(dataDir.toString()));
    }

    private static int[] ports(Process process) throws Exception {
        String[] parts = ChildProcesses.awaitLine(process, "PORTS ").split(" ");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
}
