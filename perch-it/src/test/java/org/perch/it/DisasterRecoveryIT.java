package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.perch.it.PostgresPool.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.store.postgres.ReplicatedDatabase;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * The loss of a whole site (issue 8): a pool whose active server is in the first site and whose idle server is in
 * the second, over a store whose backup store is an asynchronous standby in the second site, as a distant site's is.
 * The first site is lost, its server and its database together; the operator runs {@code perch pool failover};
 * clients sign in on the second site's server and find the room and every message the backup had received.
 * {@link FailoverDrillIT} drills the same under load, and the way back.
 */
class DisasterRecoveryIT {

    @TempDir
    Path work;

    @RegisterExtension
    final Opened opened = new Opened();

    @Test
    void theIdleSiteShouldServeTheRoomsAndTheirHistoryOnceThePoolIsFailedOver()
            throws Exception {
        ReplicatedDatabase database = ReplicatedDatabase.startAsynchronous();
        PostgresPool pool = PostgresPool.publishStretched(work, database.settings(), database.firstSiteSettings(),
                database.secondSiteSettings(), server("fe1", 1, "active"), server("fe9", 2, "idle"));
        PerchTestServer fe1 = pool.start("fe1");
        PerchTestServer fe9 = opened.add(pool.start("fe9"));
        fe1.addUser("alice");
        XMPPTCPConnection alice = SmackClients.login(fe1, "alice", "desk");
        MultiUserChat room = MucTestBase.newRoom(alice);
        List<String> posted = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            posted.add("before the loss " + n);
            room.sendMessage(posted.getLast());
        }
        assertThat(MucTestBase.nextBodies(room, 20)).as("stored and reflected on fe1").isEqualTo(posted);
        database.awaitStandbyCaughtUp();

        long lost = System.nanoTime();
        alice.disconnect();
        fe1.close();
        database.crashPrimary();
        PerchCommand failover = pool.pool("failover", "--pool", "pool-a", "--topology",
                pool.topologyFile().toString());
        assertThat(failover.exitCode()).as(failover.out() + failover.err()).isZero();

        AtomicReference<XMPPTCPConnection> signedIn = new AtomicReference<>();
        await("fe9 taking clients once the topology activates it").atMost(Duration.ofSeconds(60))
                .ignoreExceptions().until(() -> {
                    signedIn.set(SmackClients.login(fe9, "alice", "desk"));
                    return true;
                });
        XMPPTCPConnection aliceOnFe9 = opened.add(signedIn.get());
        System.out.printf("DR drill: alice signed in on fe9 %.2f s after the first site was lost (the failover"
                + " command included)%n", (System.nanoTime() - lost) / 1e9);
        MultiUserChat onFe9 = MultiUserChatManager.getInstanceFor(aliceOnFe9).getMultiUserChat(room.getRoom());
        onFe9.join(onFe9.getEnterConfigurationBuilder(Resourcepart.from("alice")).requestNoHistory().build());
        MamManager archive = MamManager.getInstanceFor(onFe9);
        assertThat(archive.isSupported()).isTrue();
        assertThat(MucTestBase.bodies(archive, MamManager.MamQueryArgs.builder()))
                .as("the room's history in the promoted backup").isEqualTo(posted);
        onFe9.sendMessage("after the failover");
        assertThat(MucTestBase.next(onFe9).getBody()).isEqualTo("after the failover");
    }
}
