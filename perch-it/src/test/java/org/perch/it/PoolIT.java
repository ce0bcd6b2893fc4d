package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.perch.it.PostgresPool.server;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.cluster.topology.TopologyException;
import org.perch.store.compliance.ComplianceRecord;
import org.perch.store.postgres.PostgresSettings;
import org.perch.store.postgres.PostgresStore;
import org.perch.store.postgres.TestPostgres;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * Servers started with {@code perch serve --pool --server} take their role from the published topology: an idle one
 * refuses clients until a newly published topology activates it; a server the topology does not name does not
 * start; servers of one pool share its PostgreSQL store, and {@code perch pool status} shows them all.
 */
class PoolIT {

    @TempDir
    Path work;

    @RegisterExtension
    final Opened opened = new Opened();

    @Test
    void anIdleServerShouldRefuseClientsUntilAPublishedTopologyActivatesIt() throws Exception {
        Path dataDir = work.resolve("data");
        int port = freePort();
        publish(dataDir, embeddedTopology(dataDir, port, "idle"), 0);
        PerchTestServer server = PerchTestServer.start(dataDir, Map.of("pool.name", "pool-a", "pool.server", "fe1",
                "xmpp.c2s-port", String.valueOf(port)));
        try {
            assertThat(server.server().acceptsClients()).isFalse();
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .isInstanceOf(ConnectException.class);
            assertThat(status(dataDir).out()).containsPattern("pool-a +fe1 +127\\.0\\.0\\.1 +idle +running, idle");

            publish(dataDir, embeddedTopology(dataDir, port, "active"), 1);

            await().atMost(Duration.ofSeconds(20)).until(() -> server.server().acceptsClients());
            server.addUser("alice");
            XMPPTCPConnection alice = SmackClients.login(server, "alice", "desk");
            try {
                assertThat(alice.isAuthenticated()).isTrue();
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(dataDir).out())
                        .containsPattern("fe1 +127\\.0\\.0\\.1 +active +running, accepting clients +1 "));
            } finally {
                alice.disconnect();
            }
        } finally {
            server.close();
        }
        assertThat(status(dataDir).out()).as("a server that stopped left the pool")
                .containsPattern("fe1 +127\\.0\\.0\\.1 +active +not running");
    }

    @Test
    void aServerTheTopologyDoesNotNameShouldNotStart() throws Exception {
        Path dataDir = work.resolve("data");
        publish(dataDir, embeddedTopology(dataDir, freePort(), "active"), 0);

        assertThatThrownBy(() -> PerchTestServer.start(dataDir, Map.of("pool.name", "pool-a", "pool.server", "fe9")))
                .isInstanceOf(TopologyException.class)
                .hasMessage("pool 'pool-a' of the published topology (version 1) has no server 'fe9'; its servers:"
                        + " fe1");
    }

    @Test
    void theServersOfAPoolShouldShareItsPostgresqlStoreAndAllShowInItsStatus() throws Exception {
        PostgresPool pool = PostgresPool.publish(work, Optional.empty(), server("fe1", 1, "active"),
                server("fe2", 2, "active"), server("fe3", 3, "idle"));

        PerchTestServer fe1 = pool.start("fe1");
        PerchTestServer fe2 = pool.start("fe2");
        try {
            fe1.addUser("alice");
            XMPPTCPConnection alice = SmackClients.login(fe2, "alice", "desk");
            alice.disconnect();

            assertThat(pool.status()).contains("topology version 1, published ")
                    .containsPattern("pool-a +fe1 +127\\.0\\.0\\.1 +active +running, accepting clients")
                    .containsPattern("pool-a +fe2 +127\\.0\\.0\\.2 +active +running, accepting clients")
                    .containsPattern("pool-a +fe3 +127\\.0\\.0\\.3 +idle +not running");
        } finally {
            fe2.close();
            fe1.close();
        }
    }

    @Test
    void messagesPostedThroughEitherServerShouldReachTheOccupantsOfBothInTheOrderOfTheStoredIds() throws Exception {
        PostgresPool pool = PostgresPool.publish(work, Optional.empty(), server("fe1", 1, "active"),
                server("fe2", 2, "active"));
        PerchTestServer fe1 = opened.add(pool.start("fe1"));
        PerchTestServer fe2 = opened.add(pool.start("fe2"));
        fe1.addUser("alice");
        fe1.addUser("bob");
        XMPPTCPConnection alice = opened.add(SmackClients.login(fe1, "alice", "desk"));
        XMPPTCPConnection bob = opened.add(SmackClients.login(fe2, "bob", "desk"));
        MultiUserChat onFe1 = MucTestBase.newRoom(alice);
        MucTestBase.configure(onFe1, "perch#members", List.of("bob@localhost"));
        MultiUserChat onFe2 = MucTestBase.join(bob, onFe1, "bob");

        onFe1.sendMessage("a1");
        onFe2.sendMessage("b1");
        onFe1.sendMessage("a2");
        onFe2.sendMessage("b2");

        List<String> seenOnFe1 = MucTestBase.nextBodies(onFe1, 4);
        List<String> seenOnFe2 = MucTestBase.nextBodies(onFe2, 4);
        assertThat(seenOnFe1).containsExactlyInAnyOrder("a1", "b1", "a2", "b2");
        assertThat(seenOnFe2).as("one order for the whole pool").isEqualTo(seenOnFe1);
        MamManager archive = MamManager.getInstanceFor(onFe2);
        assertThat(archive.isSupported()).isTrue();
        assertThat(MucTestBase.bodies(archive, MamManager.MamQueryArgs.builder()))
                .as("the order of the stored stanza-ids").isEqualTo(seenOnFe1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pool.status())
                .as("both servers delivered the whole feed and said so in a beat")
                .containsPattern("fe1 .* 0 events").containsPattern("fe2 .* 0 events"));
    }

    @Test
    void twoPoolsShouldEachServeTheirOwnRoomsFromTheirOwnStore() throws Exception {
        List<PostgresPool> pools = PostgresPool.publish(work, Optional.empty(), List.of(
                new PostgresPool.Spec("pool-a", "chat.localhost", List.of(server("fe1", 1, "active"))),
                new PostgresPool.Spec("pool-b", "rooms-b.localhost",
                        List.of(server("fe2", 2, "active")))));
        PerchTestServer fe1 = opened.add(pools.get(0).start("fe1"));
        PerchTestServer fe2 = opened.add(pools.get(1).start("fe2"));
        fe1.addUser("alice");
        fe2.addUser("bob");
        XMPPTCPConnection alice = opened.add(SmackClients.login(fe1, "alice", "desk"));
        XMPPTCPConnection bob = opened.add(SmackClients.login(fe2, "bob", "desk"));
        MultiUserChat inA = MucTestBase.newRoom(alice);
        MultiUserChat inB = MultiUserChatManager.getInstanceFor(bob)
                .getMultiUserChat(JidCreate.entityBareFrom("desk-b@rooms-b.localhost"));
        inB.create(Resourcepart.from("bob")).makeInstant();
        inA.sendMessage("said in pool a");
        inB.sendMessage("said in pool b");

        assertThat(MucTestBase.next(inA).getBody()).isEqualTo("said in pool a");
        assertThat(MucTestBase.next(inB).getBody()).isEqualTo("said in pool b");
        String roomA = inA.getRoom().getLocalpart().toString();
        assertThat(fe1.server().store().rooms().findByAddress(roomA)).isPresent();
        assertThat(fe2.server().store().rooms().findByAddress(roomA)).as("pool b's store").isEmpty();
        assertThat(fe1.server().store().rooms().findByAddress("desk-b")).as("pool a's store").isEmpty();
        assertThat(pools.get(0).status()).containsPattern("pool-a +fe1 .*running").doesNotContain("fe2")
                .contains("pool pool-b keeps its servers' heartbeats in its own store");
        assertThat(pools.get(1).status()).containsPattern("pool-b +fe2 .*running").doesNotContain("fe1");
    }

    @Test
    void complianceInAPoolShouldGoThroughTheCompliancePostgresqlDatabaseTheTopologyNames() throws Exception {
        PostgresSettings compliance = TestPostgres.freshDatabase();
        PostgresPool pool = PostgresPool.publish(work, Optional.of(compliance), server("fe1", 1, "active"));
        Path out = work.resolve("export");
        PerchTestServer fe1 = pool.start("fe1");
        try {
            PerchCommand on = PerchCommand.run(fe1, "compliance", "config", "set", "--adapter-type", "jsonl",
                    "--adapter-output-directory", out.toString(), "--run-interval", "1.00:00:00");
            assertThat(on.exitCode()).as(on.err()).isZero();
            PerchCommand created = PerchCommand.run(fe1, "category", "new", "--name", "Audited");
            assertThat(created.exitCode()).as(created.err()).isZero();

            PerchCommand run = PerchCommand.run(fe1, "compliance", "run-now");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(ComplianceExports.read(out)).extracting(e -> e.path("type").asText() + " "
                    + e.path("content").asText()).anySatisfy(e -> assertThat(e).startsWith("CATEGORY_CREATED")
                    .contains("Audited"));
        } finally {
            fe1.close();
        }
        try (ComplianceRecord record = PostgresStore.openComplianceRecord(compliance)) {
            assertThat(record.lastSequence()).as("the events are in the pool's compliance database").isPositive();
        }
        assertThat(work.resolve("fe1").resolve("compliance")).as("not in an H2 file of the server's").doesNotExist();
    }

    private static String embeddedTopology(Path dataDir, int port, String role) {
        return """
                {"schemaVersion": 1, "domain": "localhost",
                 "stores": {"lab": {"kind": "embedded", "dataDir": "%s"}},
                 "pools": [{"name": "pool-a", "mucServices": ["chat.localhost"], "store": "lab",
                            "servers": [{"name": "fe1", "host": "127.0.0.1", "clientPort": %d, "role": "%s"}]}]}
                """.formatted(dataDir, port, role);
    }

    private void publish(Path dataDir, String document, long expectedVersion) throws Exception {
        Path file = Files.writeString(work.resolve("topology-" + expectedVersion + ".json"), document);
        PerchCommand published = PerchCommand.runOn(dataDir, -1, Map.of(), "topology", "publish", file.toString(),
                "--expect-version", String.valueOf(expectedVersion));
        assertThat(published.exitCode()).as(published.out() + published.err()).isZero();
    }

    private static PerchCommand status(Path dataDir) throws Exception {
        PerchCommand status = PerchCommand.runOn(dataDir, -1, Map.of(), "pool", "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        return status;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
