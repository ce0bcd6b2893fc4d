package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.perch.it.PostgresPool.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.store.Store;
import org.perch.store.chat.Room;
import org.perch.store.cluster.NewPoolEvent;
import org.perch.store.cluster.PoolEventKind;
import org.perch.store.postgres.PostgresStore;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * Occupants of one room connected to different servers of a pool: they see each other's presence as well as each
 * other's messages, changes made through one server reach the occupants of the others, a nickname is held once in
 * the whole pool, and when a server dies its occupants leave the room for everyone else, without a message its
 * clients saw stored going missing.
 */
class PoolPresenceIT {

    @TempDir
    Path work;

    @RegisterExtension
    final Opened opened = new Opened();

    @Test
    void occupantsOnDifferentServersShouldSeeEachOthersPresenceAndPrivateMessages() throws Exception {
        List<PerchTestServer> pool = startedPool(2);
        PerchTestServer fe1 = pool.get(0);
        PerchTestServer fe2 = pool.get(1);
        MultiUserChat onFe1 = aliceRoom(fe1, "bob");
        XMPPTCPConnection bob = login(fe2, "bob");
        MultiUserChat onFe2 = MucTestBase.join(bob, onFe1, "bob");
        EntityFullJid aliceInRoom = occupant(onFe1, "alice");
        EntityFullJid bobInRoom = occupant(onFe1, "bob");

        await().atMost(Duration.ofSeconds(20)).until(() -> onFe1.getOccupants().contains(bobInRoom));
        assertThat(onFe2.getOccupants()).as("the joiner is shown who is in the room through the other server")
                .contains(aliceInRoom);
        assertThat(onFe2.getOccupant(aliceInRoom).getJid().toString()).startsWith("alice@localhost/");

        onFe2.changeAvailabilityStatus("in a meeting", Presence.Mode.dnd);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(onFe1.getOccupantPresence(bobInRoom))
                .satisfies(p -> assertThat(p.getStatus()).isEqualTo("in a meeting")));

        try (StanzaCollector privately = bob.createStanzaCollector(new AndFilter(MessageTypeFilter.CHAT,
                FromMatchesFilter.createFull(aliceInRoom)))) {
            XMPPTCPConnection alice = (XMPPTCPConnection) onFe1.getXmppConnection();
            alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(bobInRoom).ofType(Message.Type.chat)
                    .setBody("a word in private").build());
            Message got = privately.nextResult(SmackClients.REPLY_TIMEOUT_MILLIS);
            assertThat(got).as("the private message crossed servers").isNotNull();
            assertThat(got.getBody()).isEqualTo("a word in private");
        }

        onFe2.leave();
        await().atMost(Duration.ofSeconds(20)).until(() -> !onFe1.getOccupants().contains(bobInRoom));
    }

    @Test
    void aServerStartedLaterShouldBeToldWhoIsInTheRoomsAndOneThatStopsShouldTakeItsOccupantsAlong() throws Exception {
        PostgresPool pool = PostgresPool.publish(work, Optional.empty(), server("fe1", 1, "active"),
                server("fe2", 2, "active"));
        PerchTestServer fe1 = started(pool, "fe1");
        MultiUserChat onFe1 = aliceRoom(fe1, "bob");
        EntityFullJid aliceInRoom = occupant(onFe1, "alice");
        EntityFullJid bobInRoom = occupant(onFe1, "bob");

        PerchTestServer fe2 = pool.start("fe2");
        try {
            MultiUserChat onFe2 = MucTestBase.join(login(fe2, "bob"), onFe1, "bob");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(onFe2.getOccupants())
                    .as("fe1 announced alice again when fe2 started").contains(aliceInRoom));
            await().atMost(Duration.ofSeconds(20)).until(() -> onFe1.getOccupants().contains(bobInRoom));
        } finally {
            fe2.close();
        }

        await("fe2 told the pool it stopped; its heartbeat entry is gone, so no sweep would")
                .atMost(Duration.ofSeconds(20)).until(() -> !onFe1.getOccupants().contains(bobInRoom));
    }

    @Test
    void aChangeMadeThroughOneServerShouldRemoveTheOccupantsOfAnotherWhoMayNoLongerBeThere() throws Exception {
        List<PerchTestServer> pool = startedPool(2);
        PerchTestServer fe1 = pool.get(0);
        PerchTestServer fe2 = pool.get(1);
        MultiUserChat onFe1 = aliceRoom(fe1, "bob");
        MultiUserChat onFe2 = MucTestBase.join(login(fe2, "bob"), onFe1, "bob");
        EntityFullJid bobInRoom = occupant(onFe1, "bob");
        await().atMost(Duration.ofSeconds(20)).until(() -> onFe1.getOccupants().contains(bobInRoom));

        MucTestBase.configure(onFe1, "perch#members", List.of());

        await("removed on fe2 by a change made through fe1").atMost(Duration.ofSeconds(20))
                .until(() -> !onFe2.isJoined());
        await().atMost(Duration.ofSeconds(20)).until(() -> !onFe1.getOccupants().contains(bobInRoom));
    }

    @Test
    void threeServersShouldShowOneRoomAlikeFromEach() throws Exception {
        List<PerchTestServer> pool = startedPool(3);
        PerchTestServer fe1 = pool.get(0);
        PerchTestServer fe2 = pool.get(1);
        PerchTestServer fe3 = pool.get(2);
        MultiUserChat onFe1 = aliceRoom(fe1, "bob", "carol");
        MultiUserChat onFe2 = MucTestBase.join(login(fe2, "bob"), onFe1, "bob");
        MultiUserChat onFe3 = MucTestBase.join(login(fe3, "carol"), onFe1, "carol");
        List<MultiUserChat> rooms = List.of(onFe1, onFe2, onFe3);
        Set<EntityFullJid> everyone = Set.of(occupant(onFe1, "alice"), occupant(onFe1, "bob"),
                occupant(onFe1, "carol"));
        for (MultiUserChat room : rooms) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(room.getOccupants())
                    .containsExactlyInAnyOrderElementsOf(everyone));
        }

        for (int round = 0; round < 3; round++) {
            for (MultiUserChat room : rooms) {
                room.sendMessage(room.getNickname() + " " + round);
            }
        }

        List<String> seenOnFe1 = MucTestBase.nextBodies(onFe1, 9);
        assertThat(seenOnFe1).hasSize(9);
        assertThat(MucTestBase.nextBodies(onFe2, 9)).as("one order on every server").isEqualTo(seenOnFe1);
        assertThat(MucTestBase.nextBodies(onFe3, 9)).as("one order on every server").isEqualTo(seenOnFe1);
        for (MultiUserChat room : rooms) {
            MamManager archive = MamManager.getInstanceFor(room);
            assertThat(archive.isSupported()).isTrue();
            assertThat(MucTestBase.bodies(archive, MamManager.MamQueryArgs.builder()))
                    .as("history from " + room.getXmppConnection().getHost()).isEqualTo(seenOnFe1);
        }
    }

    @Test
    void aNicknameHeldThroughOneServerShouldBeRefusedThroughAnother() throws Exception {
        List<PerchTestServer> pool = startedPool(2);
        PerchTestServer fe1 = pool.get(0);
        PerchTestServer fe2 = pool.get(1);
        MultiUserChat onFe1 = aliceRoom(fe1, "olga", "dave");
        MultiUserChat olgaOnFe2 = MucTestBase.join(login(fe2, "olga"), onFe1, "olga");
        await().atMost(Duration.ofSeconds(20)).until(() -> olgaOnFe2.getOccupants().contains(occupant(onFe1,
                "alice")));
        MucTestBase.assertRefused(() -> MucTestBase.join(login(fe2, "dave"), onFe1, "alice"),
                StanzaError.Condition.conflict);
    }

    /**
     * Two servers granting one nickname at the same moment, made certain: a claim of "desk" by a server fe9 is
     * appended to the feed in a transaction the test holds open, so that fe1's claim for bob, made meanwhile, waits on
     * the feed and lands after it. fe1 has granted bob the nickname by then; reading fe9's earlier claim, it takes it
     * back (status 307), and everyone is shown fe9's occupant.
     */
    @Test
    void theEarlierClaimOfANicknameInTheFeedShouldWinOverOneThisServerGranted() throws Exception {
        PostgresPool pool = PostgresPool.publish(work, Optional.empty(), server("fe1", 1, "active"));
        PerchTestServer fe1 = started(pool, "fe1");
        MultiUserChat onFe1 = aliceRoom(fe1, "bob");
        Room room = fe1.server().store().rooms().findByAddress(onFe1.getRoom().getLocalpart().toString())
                .orElseThrow();
        XMPPTCPConnection bobsConnection = login(fe1, "bob");
        MultiUserChat bob = MultiUserChatManager.getInstanceFor(bobsConnection).getMultiUserChat(onFe1.getRoom());
        EntityFullJid desk = occupant(onFe1, "desk");
        // What bob's client is sent, read directly: Smack's kicked callback can miss a kick that follows the join at once.
        StanzaCollector gaveUp = bobsConnection.createStanzaCollector(new AndFilter(PresenceTypeFilter.UNAVAILABLE,
                FromMatchesFilter.createFull(desk)));
        opened.add(gaveUp::cancel);
        // A room task queued behind the configuration's: once answered, the configuration's change has been appended
        // to the feed, so the only append left to wait on the held transaction below is bob's claim.
        MultiUserChatManager.getInstanceFor(onFe1.getXmppConnection()).getRoomInfo(onFe1.getRoom());
        try (Store fe9 = PostgresStore.open(pool.database()); Connection watcher = DriverManager.getConnection(
                pool.database().url(), pool.database().user(), pool.database().password())) {
            CountDownLatch appended = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread claim = Thread.ofVirtual().start(() -> fe9.atomically(() -> {
                fe9.feed().append(List.of(new NewPoolEvent("fe9", Optional.of(room.id()), PoolEventKind.OCCUPANT,
                        "desk", "<occupant xmlns='urn:perch:pool:occupant:0' jid='mallory@localhost/x'"
                        + " affiliation='member' role='participant'><presence xmlns='jabber:client'/></occupant>",
                        Instant.now())));
                appended.countDown();
                await().atMost(Duration.ofSeconds(30)).until(() -> release.getCount() == 0);
                return null;
            }));
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
            AtomicReference<Exception> joinFailed = new AtomicReference<>();
            Thread join = Thread.ofVirtual().start(() -> {
                try {
                    bob.join(Resourcepart.from("desk"));
                } catch (Exception e) {
                    joinFailed.set(e);
                }
            });
            await("fe1's claim for bob waits on the feed").atMost(Duration.ofSeconds(20))
                    .until(() -> waitingOnLocks(watcher) > 0);
            release.countDown();
            claim.join(Duration.ofSeconds(30));
            join.join(Duration.ofSeconds(30));
            assertThat(joinFailed.get()).as("bob's join, granted before fe9's claim was read").isNull();
        }

        Presence left = gaveUp.nextResult(SmackClients.REPLY_TIMEOUT_MILLIS * 2);
        assertThat(left).as("bob gave the nickname up").isNotNull();
        assertThat(MUCUser.from(left).getStatus()).contains(MUCUser.Status.KICKED_307,
                MUCUser.Status.PRESENCE_TO_SELF_110);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(onFe1.getOccupant(desk))
                .satisfies(o -> assertThat(o.getJid().toString()).isEqualTo("mallory@localhost/x")));
    }

    private static int waitingOnLocks(Connection watcher) throws Exception {
        try (var rs = watcher.createStatement().executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database() AND query LIKE '%pool_feed_seq%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aKilledServersOccupantsShouldLeaveAndEveryMessageItsClientsSawStoredShouldStay() throws Exception {
        PostgresPool pool = PostgresPool.publish(work, Optional.empty(), server("fe1", 1, "active"),
                server("fe2", 2, "active"));
        PerchTestServer fe1 = started(pool, "fe1");
        PostgresPool.ServerProcess fe2 = pool.startProcess("fe2");
        opened.add(fe2);
        MultiUserChat onFe1 = aliceRoom(fe1, "bob");
        fe1.addUser("bob");
        XMPPTCPConnection bob = SmackClients.login(SmackClients.starttls(fe2.dataDir(), fe2.port()), "bob",
                PerchTestServer.PASSWORD, "desk");
        opened.add(bob::disconnect);
        MultiUserChat onFe2 = MucTestBase.join(bob, onFe1, "bob");
        EntityFullJid bobInRoom = occupant(onFe1, "bob");
        await().atMost(Duration.ofSeconds(20)).until(() -> onFe1.getOccupants().contains(bobInRoom));

        Set<String> seenStored = ConcurrentHashMap.newKeySet();
        CountDownLatch some = new CountDownLatch(50);
        onFe2.addMessageListener(m -> {
            if (m.getBody() != null) {
                seenStored.add(MucTestBase.stanzaId(m));
                some.countDown();
            }
        });
        for (int i = 0; i < 300; i++) {
            onFe2.sendMessage("from fe2 " + i);
        }
        assertThat(some.await(30, TimeUnit.SECONDS)).as("fe2 delivered messages before it died").isTrue();
        fe2.kill();
        long killedAt = System.nanoTime();

        await("the dead server's occupant left the room for fe1's occupants").atMost(Duration.ofSeconds(40))
                .until(() -> !onFe1.getOccupants().contains(bobInRoom));
        Duration gone = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThat(gone).as("heartbeats stop, 10 s of silence, a sweep every 2 s").isLessThan(Duration.ofSeconds(30));
        Room room = fe1.server().store().rooms().findByAddress(onFe1.getRoom().getLocalpart().toString())
                .orElseThrow();
        assertThat(seenStored).filteredOn(id -> fe1.server().store().history().find(room.id(), id).isEmpty())
                .as("messages bob saw stored, missing from the pool's history").isEmpty();
        Set<String> seenOnFe1 = ConcurrentHashMap.newKeySet();
        onFe1.addMessageListener(m -> seenOnFe1.add(String.valueOf(m.getBody())));
        onFe1.sendMessage("fe1 carries on");
        await().atMost(Duration.ofSeconds(20)).until(() -> seenOnFe1.contains("fe1 carries on"));
        assertThat(pool.status()).containsPattern("pool-a +fe2 +127\\.0\\.0\\.2 +active +not running");
    }

    /** Servers fe1 to feN of one pool, all active and started. */
    private List<PerchTestServer> startedPool(int servers) throws Exception {
        PostgresPool pool = PostgresPool.publish(work, Optional.empty(), IntStream.rangeClosed(1, servers)
                .mapToObj(i -> server("fe" + i, i, "active")).toArray(String[]::new));
        List<PerchTestServer> started = new ArrayList<>();
        for (int i = 1; i <= servers; i++) {
            started.add(started(pool, "fe" + i));
        }
        return started;
    }

    /** A room alice creates through a server, with the members named (local parts). */
    private MultiUserChat aliceRoom(PerchTestServer through, String... members) throws Exception {
        MultiUserChat room = MucTestBase.newRoom(login(through, "alice"));
        MucTestBase.configure(room, "perch#members", Stream.of(members).map(m -> m + "@localhost").toList());
        return room;
    }

    private PerchTestServer started(PostgresPool pool, String server) {
        PerchTestServer started = pool.start(server);
        opened.add(started);
        return started;
    }

    private XMPPTCPConnection login(PerchTestServer server, String user) {
        if (server.server().store().accounts().find(org.perch.core.Jid.of(user + "@localhost")).isEmpty()) {
            server.addUser(user);
        }
        XMPPTCPConnection connection = SmackClients.login(server, user, "desk");
        opened.add(connection::disconnect);
        return connection;
    }

    private static EntityFullJid occupant(MultiUserChat room, String nick) throws Exception {
        return JidCreate.entityFullFrom(room.getRoom(), Resourcepart.from(nick));
    }
}
