package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.perch.it.PostgresPool.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * A pool server made idle by a newly published topology (a failover) does not just drop its clients: it ends their
 * streams with {@code see-other-host} (RFC 6120 §4.9.3.19) naming an active server of that topology, its host and
 * client port, taking the active servers in turn; with no active server left, with {@code system-shutdown}.
 */
class PoolRedirectIT {

    private static final Duration TOPOLOGY_APPLIED = Duration.ofSeconds(30);

    @TempDir
    Path work;

    @RegisterExtension
    final Opened opened = new Opened();

    @Test
    void clientsOfAServerMadeIdleShouldBeSentToTheActiveServerAndFindTheRoomThere() throws Exception {
        PostgresPool pool = PostgresPool.publish(work, Optional.empty(), server("fe1", 1, "active"),
                server("fe2", 2, "idle"));
        PerchTestServer fe1 = opened.add(pool.start("fe1"));
        PerchTestServer fe2 = opened.add(pool.start("fe2"));
        fe1.addUser("alice");
        XMPPTCPConnection alice = opened.add(SmackClients.login(fe1, "alice", "desk"));
        MultiUserChat room = MucTestBase.newRoom(alice);
        List<String> posted = List.of("before the failover 1", "before the failover 2");
        for (String body : posted) {
            room.sendMessage(body);
        }
        assertThat(MucTestBase.nextBodies(room, posted.size())).isEqualTo(posted);
        CompletableFuture<Exception> closed = closedOnError(alice);

        pool.republish(server("fe1", 1, "idle"), server("fe2", 2, "active"));

        StreamError error = streamError(closed);
        assertThat(error.getCondition()).isEqualTo(StreamError.Condition.see_other_host);
        assertThat(error.getConditionText()).as("fe2's host and client port in the topology")
                .isEqualTo("127.0.0.2:15222");
        await("fe2 taking clients").atMost(TOPOLOGY_APPLIED).until(() -> fe2.server().acceptsClients());
        assertThat(fe1.server().acceptsClients()).isFalse();

        XMPPTCPConnection aliceOnFe2 = opened.add(SmackClients.login(fe2, "alice", "desk"));
        MultiUserChat onFe2 = MultiUserChatManager.getInstanceFor(aliceOnFe2).getMultiUserChat(room.getRoom());
        onFe2.join(onFe2.getEnterConfigurationBuilder(Resourcepart.from("alice")).requestNoHistory().build());
        MamManager archive = MamManager.getInstanceFor(onFe2);
        assertThat(archive.isSupported()).isTrue();
        assertThat(MucTestBase.bodies(archive, MamManager.MamQueryArgs.builder())).as("the room's history on fe2")
                .isEqualTo(posted);
    }

    @Test
    void clientsShouldBeSpreadOverTheActiveServersInTurn() throws Exception {
        PostgresPool pool = PostgresPool.publish(work, Optional.empty(), server("fe1", 1, "active"),
                server("fe2", 2, "idle"), server("fe3", 3, "idle"));
        PerchTestServer fe1 = opened.add(pool.start("fe1"));
        fe1.addUser("alice");
        fe1.addUser("bob");
        CompletableFuture<Exception> aliceClosed = closedOnError(opened.add(SmackClients.login(fe1, "alice", "desk")));
        CompletableFuture<Exception> bobClosed = closedOnError(opened.add(SmackClients.login(fe1, "bob", "desk")));

        pool.republish(server("fe1", 1, "idle"), server("fe2", 2, "active"), server("fe3", 3, "active"));

        StreamError alices = streamError(aliceClosed);
        StreamError bobs = streamError(bobClosed);
        assertThat(List.of(alices.getCondition(), bobs.getCondition()))
                .containsOnly(StreamError.Condition.see_other_host);
        assertThat(List.of(alices.getConditionText(), bobs.getConditionText()))
                .containsExactlyInAnyOrder("127.0.0.2:15222", "127.0.0.3:15222");
    }

    @Test
    void clientsShouldBeToldToComeBackLaterWhenNoServerOfThePoolIsActive() throws Exception {
        PostgresPool pool = PostgresPool.publish(work, Optional.empty(), server("fe1", 1, "active"));
        PerchTestServer fe1 = opened.add(pool.start("fe1"));
        fe1.addUser("alice");
        CompletableFuture<Exception> closed = closedOnError(opened.add(SmackClients.login(fe1, "alice", "desk")));

        pool.republish(server("fe1", 1, "idle"));

        StreamError error = streamError(closed);
        assertThat(error.getCondition()).isEqualTo(StreamError.Condition.system_shutdown);
        assertThat(error.getDescriptiveText())
                .isEqualTo("no server of the pool takes clients now; try again later");
    }

    private static CompletableFuture<Exception> closedOnError(XMPPTCPConnection connection) {
        CompletableFuture<Exception> closed = new CompletableFuture<>();
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                closed.complete(e);
            }

            @Override
            public void connectionClosed() {
                closed.completeExceptionally(new AssertionError("the connection closed without a stream error"));
            }
        });
        return closed;
    }

    /** The stream error that ended the connection, once the servers have read the topology. */
    private static StreamError streamError(CompletableFuture<Exception> closed) {
        await("the connection ended by the server").atMost(TOPOLOGY_APPLIED).until(closed::isDone);
        assertThat(closed.join()).isInstanceOf(XMPPException.StreamErrorException.class);
        return ((XMPPException.StreamErrorException) closed.join()).getStreamError();
    }
}
