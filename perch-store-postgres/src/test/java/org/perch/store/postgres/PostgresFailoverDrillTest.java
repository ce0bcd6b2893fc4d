package org.perch.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.Store;
import org.perch.store.StoreUnavailableException;
import org.perch.store.chat.Category;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Room;

/**
 * High availability inside a site (issue 8, ARCHITECTURE D7), drilled on real PostgreSQL processes: a store opened
 * with a URL naming the primary and its synchronous standby keeps taking messages from several posters while the
 * primary crashes and the standby is promoted, and the promoted standby holds every message whose append returned.
 * The time from the primary being down to the first message stored after it is printed (the drill's RTO; the
 * promotion here is immediate, where a failover manager would add its detection time).
 */
class PostgresFailoverDrillTest {

    private static final int POSTERS = 4;
    private static final Jid ALICE = Jid.of("alice@example.org");

    @Test
    void aPromotedSynchronousStandbyShouldHoldEveryMessageThePrimaryAcknowledged() throws Exception {
        ReplicatedDatabase database = ReplicatedDatabase.start();
        Store store = PostgresStore.open(database.settings());
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong failures = new AtomicLong();
        AtomicLong firstAfterCrash = new AtomicLong();
        AtomicLong crashedAt = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        RoomId room;
        ExecutorService posters = Executors.newFixedThreadPool(POSTERS);
        try {
            room = newRoom(store);
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < POSTERS; p++) {
                int poster = p;
                running.add(posters.submit(() -> post(store, room, poster, acknowledged, failures, crashedAt,
                        firstAfterCrash, stop)));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 200);
            database.crashPrimary();
            crashedAt.set(System.nanoTime()); // from here on the primary is gone: what is stored, the standby stored
            database.promoteStandby();
            int beforeRecovery = acknowledged.size();
            await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged.size() >= beforeRecovery + 200
                    || running.stream().anyMatch(Future::isDone));
            stop.set(true);
            for (Future<?> f : running) {
                f.get(); // rethrows whatever ended a poster other than the store being out of reach
            }
        } finally {
            posters.shutdownNow();
            store.close();
        }
        System.out.printf("failover drill: %d messages acknowledged, %d appends failed, first message stored %.3f s"
                + " after the primary was down%n", acknowledged.size(), failures.get(),
                (firstAfterCrash.get() - crashedAt.get()) / 1e9);

        Store promoted = PostgresStore.open(database.standbySettings());
        try {
            Set<String> stored = new HashSet<>();
            for (ChatMessage m : promoted.history().query(HistoryQuery.earliest(room, 100_000)).orElseThrow()
                    .messages()) {
                stored.add(m.stanzaId());
            }
            assertThat(stored).as("every acknowledged message on the promoted standby").containsAll(acknowledged);
            assertThat(firstAfterCrash.get()).as("a message posted and stored after the crash").isNotZero();
        } finally {
            promoted.close();
        }
    }

    /**
     * Posts one message at a time until told to stop; an append that fails because the store cannot be reached is
     * counted and the next one tried (any other failure ends the poster, and the drill). The first append begun
     * after the crash that succeeds marks the recovery.
     */
    private static void post(Store store, RoomId room, int poster, Set<String> acknowledged, AtomicLong failures,
                             AtomicLong crashedAt, AtomicLong firstAfterCrash, AtomicBoolean stop) {
        for (int n = 0; !stop.get(); n++) {
            String id = "p" + poster + "-" + n;
            boolean afterCrash = crashedAt.get() != 0;
            try {
                store.history().append(List.of(new PostedMessage(room, id, Instant.now(), ALICE, "Alice",
                        "message " + id, "<message id='" + id + "'/>")));
                acknowledged.add(id);
                if (afterCrash) {
                    firstAfterCrash.compareAndSet(0, System.nanoTime());
                }
            } catch (StoreUnavailableException e) {
                failures.incrementAndGet();
            }
        }
    }

    private static RoomId newRoom(Store store) {
        Category category = Category.named("Drills");
        store.categories().create(category);
        Room room = Room.create("drill", category.id(), "Drill");
        store.rooms().create(room);
        return room.id();
    }
}
