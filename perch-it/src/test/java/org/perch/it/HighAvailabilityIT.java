package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.perch.it.PostgresPool.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.perch.store.Store;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.Room;
import org.perch.store.postgres.PostgresStore;
import org.perch.store.postgres.ReplicatedDatabase;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * High availability inside a site (issue 8), drilled end to end: a pool server whose store is a PostgreSQL primary
 * with a synchronous standby, reached through a URL naming both, while a client posts to a room. The primary
 * crashes and the standby is promoted: the clients stay connected, posting goes on once the standby takes writes,
 * and every message the room reflected to its sender (which Perch does only once the message is stored) is in the
 * promoted database.
 */
class HighAvailabilityIT {

    @TempDir
    Path work;

    @RegisterExtension
    final Opened opened = new Opened();

    @Test
    void clientsShouldStayConnectedAndNoAcknowledgedMessageBeLostWhenTheStandbyIsPromoted() throws Exception {
        ReplicatedDatabase database = ReplicatedDatabase.start();
        PostgresPool pool = PostgresPool.publishOn(work, database.settings(), server("fe1", 1, "active"));
        PerchTestServer fe1 = opened.add(pool.start("fe1"));
        fe1.addUser("alice");
        fe1.addUser("bob");
        XMPPTCPConnection alice = opened.add(SmackClients.login(fe1, "alice", "desk"));
        XMPPTCPConnection bob = opened.add(SmackClients.login(fe1, "bob", "desk"));
        MultiUserChat room = MucTestBase.newRoom(alice);
        MucTestBase.configure(room, "perch#members", List.of("bob@localhost"));
        MucTestBase.join(bob, room, "bob");

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong bounced = new AtomicLong();
        AtomicLong crashedAt = new AtomicLong();
        AtomicLong firstAfterCrash = new AtomicLong();
        room.addMessageListener(m -> {
            if (m.getBody() != null) {
                acknowledged.add(m.getBody());
                Long sent = sentAt.get(m.getBody());
                if (crashedAt.get() != 0 && sent != null && sent > crashedAt.get()) {
                    firstAfterCrash.compareAndSet(0, System.nanoTime());
                }
            }
        });
        Set<String> bounceConditions = ConcurrentHashMap.newKeySet();
        alice.addAsyncStanzaListener(error -> {
            bounced.incrementAndGet();
            bounceConditions.add(((Message) error).getError().getCondition().toString());
        }, MessageTypeFilter.ERROR);

        AtomicBoolean stop = new AtomicBoolean();
        Thread poster = Thread.ofPlatform().name("drill-poster").start(() -> {
            for (int n = 0; !stop.get(); n++) {
                String body = "m" + n;
                sentAt.put(body, System.nanoTime());
                try {
                    room.sendMessage(body);
                } catch (Exception e) {
                    throw new IllegalStateException("alice could not send", e);
                }
                pace();
            }
        });
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 50);
            database.crashPrimary();
            crashedAt.set(System.nanoTime()); // from here on the primary is gone: what is stored, the standby stored
            database.promoteStandby();
            System.out.printf("HA drill: promotion took %.3f s%n", (System.nanoTime() - crashedAt.get()) / 1e9);
            await("messages posted after the crash, stored and reflected").atMost(Duration.ofSeconds(90))
                    .until(() -> firstAfterCrash.get() != 0 && acknowledged.size() >= 150);
        } finally {
            stop.set(true);
            poster.join();
        }
        // The last reflections may still be on their way; every one that arrives is checked below.
        int posted = sentAt.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() + bounced.get() >= posted);
        System.out.printf("HA drill: %d posted, %d reflected (stored), %d bounced; first message posted after the"
                + " primary was down reflected %.3f s after that%n", posted, acknowledged.size(), bounced.get(),
                (firstAfterCrash.get() - crashedAt.get()) / 1e9);

        assertThat(bounceConditions).as("a post the store could not take is to be sent again later")
                .isSubsetOf("resource-constraint");
        assertThat(alice.isAuthenticated()).as("alice still connected").isTrue();
        assertThat(bob.isAuthenticated()).as("bob still connected").isTrue();
        Store promoted = PostgresStore.open(database.standbySettings());
        try {
            Room stored = promoted.rooms().findByAddress(room.getRoom().getLocalpart().toString()).orElseThrow();
            List<String> bodies = promoted.history().query(HistoryQuery.earliest(stored.id(), 100_000)).orElseThrow()
                    .messages().stream().map(ChatMessage::body).toList();
            assertThat(bodies).as("every reflected message in the promoted database").containsAll(acknowledged);
        } finally {
            promoted.close();
        }
    }

    /** About 50 posts a second: enough to be posting when the primary dies, few enough to read the log. */
    private static void pace() {
        LockSupport.parkNanos(20_000_000L);
    }
}
