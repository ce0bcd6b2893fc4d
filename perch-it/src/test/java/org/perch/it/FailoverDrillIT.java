package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.perch.it.PostgresPool.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * Disaster recovery drilled with the commands, under load (issue 8): a pool with {@code fe1} active in the first
 * site and {@code fe9} idle in the second, its store's database replicated to the second site's backup store. A user
 * posts all along. The first site's database is lost and {@code perch pool failover} run; later the lost database
 * is rebuilt as a standby of the second site's and {@code perch pool failback} run. Every message the room
 * acknowledged, before, during and after the failover, must be in the first site's database at the end.
 *
 * <p>The backup here is a synchronous standby (two sites with low latency between them, Lync's first layout):
 * with an asynchronous one, the failover loses what had not reached the second site when the first was lost.
 */
class FailoverDrillIT {

    @TempDir
    Path work;

    @RegisterExtension
    final Opened opened = new Opened();

    @Test
    void aPoolShouldFailOverAndBackUnderLoadWithoutLosingAnAcknowledgedMessage() throws Exception {
        ReplicatedDatabase database = ReplicatedDatabase.start();
        PostgresPool pool = PostgresPool.publishStretched(work, database.settings(), database.firstSiteSettings(),
                database.secondSiteSettings(), server("fe1", 1, "active"), server("fe9", 2, "idle"));
        PerchTestServer fe1 = opened.add(pool.start("fe1"));
        PerchTestServer fe9 = opened.add(pool.start("fe9"));
        fe1.addUser("alice");
        XMPPTCPConnection owner = SmackClients.login(fe1, "alice", "owner");
        MultiUserChat room = MucTestBase.newRoom(owner);
        owner.disconnect();
        DrillPoster alice = opened.add(new DrillPoster(List.of(fe1, fe9), "alice", room.getRoom()));
        await("posting through fe1").atMost(Duration.ofSeconds(60)).until(() -> alice.acknowledged().size() >= 50);

        long lost = System.nanoTime();
        database.crashPrimary();
        PerchCommand failover = pool.pool("failover", "--pool", "pool-a", "--topology",
                pool.topologyFile().toString(), "--wait", "60");
        long failedOver = System.nanoTime();
        System.out.print(failover.out());
        assertThat(failover.exitCode()).as(failover.out() + failover.err()).isZero();
        assertThat(failover.out()).contains("[5/5] wait for the servers to apply it: done: fe9 takes clients");
        await("posting through fe9").atMost(Duration.ofSeconds(60))
                .until(() -> alice.acknowledgedPostedAfter(failedOver) >= 100);
        double failoverRecovery = (alice.firstAcknowledgedAfter(lost) - lost) / 1e9;
        PerchCommand again = pool.pool("failover", "--pool", "pool-a", "--topology", pool.topologyFile().toString());
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).as("run again, it finds the failover done").contains("[3/5] promote backup store"
                + " 'chat-pool-a-dr': already done").contains("[4/5] publish the topology with pool 'pool-a'"
                + " failed over: already done");

        database.rebuildOldPrimaryAsStandby();
        long failbackBegan = System.nanoTime();
        PerchCommand failback = pool.pool("failback", "--pool", "pool-a", "--topology",
                pool.topologyFile().toString(), "--wait", "60");
        long failedBack = System.nanoTime();
        System.out.print(failback.out());
        assertThat(failback.exitCode()).as(failback.out() + failback.err()).isZero();
        await("posting through fe1 again").atMost(Duration.ofSeconds(60))
                .until(() -> alice.acknowledgedPostedAfter(failedBack) >= 50);
        alice.close();

        System.out.printf("DR drill: %d posted, %d acknowledged, %d bounced, %d reconnections; failover: first post"
                        + " acknowledged %.2f s after the first site was lost (command %.1f s); failback command %.1f s;"
                        + " longest time without an acknowledged post %.2f s%n", alice.posted(),
                alice.acknowledged().size(), alice.bounced(), alice.reconnections(), failoverRecovery,
                (failedOver - lost) / 1e9, (failedBack - failbackBegan) / 1e9, alice.longestGapSeconds());
        assertThat(alice.bounceConditions()).as("a post the store could not take is to be sent again later")
                .isSubsetOf("resource-constraint");
        assertThat(storedIn(database, room)).as("every acknowledged post in the first site's database, primary"
                + " again").containsAll(alice.acknowledged());
    }

    private static List<String> storedIn(ReplicatedDatabase database, MultiUserChat room) {
        try (Store first = PostgresStore.open(database.firstSiteSettings())) {
            Room stored = first.rooms().findByAddress(room.getRoom().getLocalpart().toString()).orElseThrow();
            return first.history().query(HistoryQuery.earliest(stored.id(), 100_000)).orElseThrow().messages()
                    .stream().map(ChatMessage::body).toList();
        }
    }
}
