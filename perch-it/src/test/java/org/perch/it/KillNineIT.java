package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.store.chat.Room;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * Durability: Perch runs in its own process, a client posts a burst of messages, and the process is killed
 * (SIGKILL, no shutdown hook) while messages are still in flight. After a restart on the same data directory,
 * every message whose echo the client received is in the room's history.
 */
class KillNineIT {
    private static final int MESSAGES = 300;

    /** The server process: starts Perch on the data directory, adds alice, prints its port, waits to be killed. */
    public static final class ServerProcess {
        public static void main(String[] args) throws InterruptedException {
            PerchTestServer server = PerchTestServer.start(Path.of(args[0]), Map.of());
            server.addUser("alice");
            System.out.println("PORT " + server.c2sPort());
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }

    @Test
    @DisplayName("After kill -9 and a restart, every message a client received is in history")
    void everyReceivedMessageShouldSurviveKillNine() throws Exception {
        Path dataDir = Files.createTempDirectory("perch-kill9-");
        Process process = startServerProcess(dataDir);
        Set<String> received = ConcurrentHashMap.newKeySet();
        try {
            XMPPTCPConnection alice = SmackClients.login(SmackClients.starttls(dataDir, port(process)), "alice",
                    PerchTestServer.PASSWORD, "desk");
            CountDownLatch gone = new CountDownLatch(1);
            alice.addConnectionListener(new ConnectionListener() {
                @Override
                public void connectionClosedOnError(Exception e) {
                    gone.countDown();
                }
            });
            MultiUserChat room = MultiUserChatManager.getInstanceFor(alice)
                    .getMultiUserChat(JidCreate.entityBareFrom("durable@chat.localhost"));
            room.create(Resourcepart.from("alice")).makeInstant();
            CountDownLatch half = new CountDownLatch(MESSAGES / 2);
            room.addMessageListener(m -> {
                if (m.getBody() != null) {
                    received.add(MucTestBase.stanzaId(m));
                    half.countDown();
                }
            });
            for (int i = 0; i < MESSAGES; i++) {
                room.sendMessage("message " + i);
            }
            assertThat(half.await(30, TimeUnit.SECONDS)).as("half of the echoes arrived").isTrue();
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(gone.await(30, TimeUnit.SECONDS)).as("the client saw the connection die").isTrue();
        } finally {
            process.destroyForcibly();
        }

        try (PerchTestServer restarted = PerchTestServer.start(dataDir, Map.of())) {
            Room room = restarted.server().store().rooms().findByAddress("durable").orElseThrow();
            Set<String> missing = received.stream()
                    .filter(id -> restarted.server().store().history().find(room.id(), id).isEmpty())
                    .collect(java.util.stream.Collectors.toSet());
            assertThat(received).hasSizeGreaterThanOrEqualTo(MESSAGES / 2);
            assertThat(missing).as("received but not in history after kill -9").isEmpty();
        }
    }

    private static Process startServerProcess(Path dataDir) throws Exception {
        return ChildProcesses.startJava(ServerProcess.class, List.of(), List.of(dataDir.toString()));
    }

    private static int port(Process process) throws Exception {
        return Integer.parseInt(ChildProcesses.awaitLine(process, "PORT "));
    }
}
