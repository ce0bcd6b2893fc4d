package org.perch.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.store.Store;
import org.perch.store.StoreException;
import org.perch.store.chat.Category;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Room;
import org.perch.store.memory.InMemoryStore;

class HistoryWriterTest {

    private static final Jid MARY = Jid.of("mary@example.org");
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final Store store = new InMemoryStore();
    private final GatedHistoryStore gated = new GatedHistoryStore(store.history());
    private final Room desk;
    private final Room pit;
    private HistoryWriter writer;

    HistoryWriterTest() {
        Category trading = Category.named("Trading");
        store.categories().create(trading);
        desk = Room.create("desk", trading.id(), "Desk");
        pit = Room.create("pit", trading.id(), "Pit");
        store.rooms().create(desk);
        store.rooms().create(pit);
    }

    @AfterEach
    void closeWriter() {
        gated.open();
        if (writer != null) {
            writer.close();
        }
    }

    private static PostedMessage message(RoomId room, String id) {
        return new PostedMessage(room, id, NOW, MARY, "mary", "text of " + id, "<message id='" + id + "'/>");
    }

    private CompletableFuture<ChatMessage> post(RoomId room, String id) {
        return writer.post(message(room, id));
    }

    @Test
    void historyWriterShouldCompleteFuturesOnlyAfterTheBatchIsStored() throws Exception {
        writer = new HistoryWriter(gated, 100, 512);

        CompletableFuture<ChatMessage> first = post(desk.id(), "m1");
        CompletableFuture<Boolean> storedWhenCompleted =
                first.thenApply(m -> store.history().find(desk.id(), "m1").isPresent());
        gated.awaitAppend();

        assertThat(first).isNotDone();
        gated.open();
        ChatMessage stored = first.get(10, TimeUnit.SECONDS);
        assertThat(storedWhenCompleted.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stored.stanzaId()).isEqualTo("m1");
        assertThat(store.history().find(desk.id(), "m1")).contains(stored);
    }

    @Test
    void historyWriterShouldStoreWhatQueuedUpInBatchesOfAtMostBatchSize() throws Exception {
        writer = new HistoryWriter(gated, 100, 3);
        List<CompletableFuture<ChatMessage>> futures = new ArrayList<>();
        futures.add(post(desk.id(), "m0"));
        gated.awaitAppend();
        for (int i = 1; i <= 5; i++) {
            futures.add(post(i % 2 == 0 ? desk.id() : pit.id(), "m" + i));
        }

        gated.open();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(gated.batchSizes).containsExactly(1, 3, 2);
        assertThat(futures).extracting(f -> f.join().stanzaId()).containsExactly("m0", "m1", "m2", "m3", "m4", "m5");
        assertThat(futures).extracting(f -> f.join().id()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void historyWriterShouldFailTheWholeBatchWhenTheStoreFails() throws Exception {
        writer = new HistoryWriter(gated, 100, 512);
        CompletableFuture<ChatMessage> before = post(desk.id(), "m0");
        gated.awaitAppend();
        CompletableFuture<ChatMessage> good1 = post(desk.id(), "m1");
        CompletableFuture<ChatMessage> bad = post(RoomId.random(), "m2"); // no such room: append must fail
        CompletableFuture<ChatMessage> good2 = post(pit.id(), "m3");

        gated.open();

        assertThat(before.get(10, TimeUnit.SECONDS).stanzaId()).isEqualTo("m0");
        for (CompletableFuture<ChatMessage> f : List.of(good1, bad, good2)) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class);
        }
        assertThat(gated.batchSizes).containsExactly(1, 3);
        assertThat(store.history().find(desk.id(), "m1")).isEmpty();
        assertThat(store.history().find(pit.id(), "m3")).isEmpty();
    }

    @Test
    void historyWriterShouldKeepWorkingAfterAFailedBatch() throws Exception {
        writer = new HistoryWriter(store.history(), 100, 512);

        assertThatThrownBy(() -> post(RoomId.random(), "m1").get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(StoreException.class);

        assertThat(post(desk.id(), "m2").get(10, TimeUnit.SECONDS).stanzaId()).isEqualTo("m2");
    }

    @Test
    void historyWriterShouldRefuseAtOnceWhenItsQueueIsFull() throws Exception {
        writer = new HistoryWriter(gated, 2, 512);
        CompletableFuture<ChatMessage> inAppend = post(desk.id(), "m0");
        gated.awaitAppend();
        CompletableFuture<ChatMessage> queued1 = post(desk.id(), "m1");
        CompletableFuture<ChatMessage> queued2 = post(desk.id(), "m2");

        CompletableFuture<ChatMessage> refused = post(desk.id(), "m3");

        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).isInstanceOf(CompletionException.class).cause()
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BUSY))
                .hasMessage("too many messages waiting to be stored; try again");
        gated.open();
        CompletableFuture.allOf(inAppend, queued1, queued2).get(10, TimeUnit.SECONDS);
        assertThat(store.history().find(desk.id(), "m3")).isEmpty();
    }

    @Test
    void historyWriterShouldDrainOnCloseAndRefuseLaterPosts() throws Exception {
        writer = new HistoryWriter(gated, 100, 512);
        CompletableFuture<ChatMessage> inAppend = post(desk.id(), "m0");
        gated.awaitAppend();
        CompletableFuture<ChatMessage> queued1 = post(desk.id(), "m1");
        CompletableFuture<ChatMessage> queued2 = post(pit.id(), "m2");
        Thread closer = new Thread(writer::close, "closer");
        closer.start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> closer.getState() == Thread.State.WAITING);

        CompletableFuture<ChatMessage> late = post(desk.id(), "m3");
        gated.open();
        closer.join(10_000);

        assertThat(closer.isAlive()).isFalse();
        assertThat(List.of(inAppend, queued1, queued2)).allSatisfy(f -> assertThat(f).isCompleted());
        assertThat(store.history().find(pit.id(), "m2")).isPresent();
        assertThatThrownBy(late::join).cause().isInstanceOf(ChatException.class)
                .hasMessage("history writer is closed");
        assertThat(post(desk.id(), "m4")).isCompletedExceptionally();
        assertThat(gated.threads).allMatch(HistoryWriter.THREAD_NAME::equals);
        writer.close(); // a second close is harmless
    }

    @Test
    void flushShouldWaitForWhatWasQueuedAndLeaveTheWriterRunning() throws Exception {
        writer = new HistoryWriter(gated, 100, 512);
        CompletableFuture<ChatMessage> inAppend = post(desk.id(), "m0");
        gated.awaitAppend();
        CompletableFuture<ChatMessage> queued = post(pit.id(), "m1");

        assertThat(writer.flush(Duration.ofMillis(50))).as("the store is held: not flushed in time").isFalse();
        CompletableFuture<Boolean> flushed = CompletableFuture.supplyAsync(() -> writer.flush(Duration.ofSeconds(10)));
        gated.open();

        assertThat(flushed.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(List.of(inAppend, queued)).allSatisfy(f -> assertThat(f).isCompleted());
        assertThat(store.history().find(pit.id(), "m1")).isPresent();
        assertThat(post(desk.id(), "m2").get(10, TimeUnit.SECONDS).stanzaId()).as("still taking posts")
                .isEqualTo("m2");
    }

    @Test
    void flushShouldReturnAtOnceWhenNothingIsQueuedOrAfterClose() {
        writer = new HistoryWriter(store.history(), 100, 512);

        assertThat(writer.flush(Duration.ZERO)).isTrue();
        post(desk.id(), "m0");
        writer.close();
        assertThat(writer.flush(Duration.ZERO)).isTrue();
    }

    @Test
    void historyWriterShouldCompleteFuturesOfEachRoomInPostedOrderUnderConcurrentPosts() throws Exception {
        writer = new HistoryWriter(gated, 10_000, 64);
        int threads = 4;
        int perThread = 500;
        ConcurrentLinkedQueue<ChatMessage> completed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<CompletableFuture<ChatMessage>> all = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<CompletableFuture<Void>> recorded = new ConcurrentLinkedQueue<>();
        // Hold the writer in its first append while the posters run, so that every callback below is attached
        // before its future completes and therefore runs on the writer thread, in completion order.
        all.add(post(desk.id(), "first"));
        gated.awaitAppend();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> posters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int poster = t;
            posters.add(Thread.ofPlatform().start(() -> {
                awaitQuietly(start);
                for (int n = 0; n < perThread; n++) {
                    RoomId room = n % 2 == 0 ? desk.id() : pit.id();
                    CompletableFuture<ChatMessage> f = post(room, "t" + poster + "-" + n);
                    recorded.add(f.thenAccept(completed::add));
                    all.add(f);
                }
            }));
        }
        start.countDown();
        for (Thread p : posters) {
            p.join(10_000);
        }
        gated.open();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        // A future runs its dependents last-registered first: wait for the recording callbacks too.
        CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

        assertThat(all).hasSize(threads * perThread + 1).allSatisfy(f -> assertThat(f).isCompleted());
        assertThat(completed).hasSize(threads * perThread);
        assertThat(completed).extracting(ChatMessage::id).isSorted().doesNotHaveDuplicates();
        for (Room room : List.of(desk, pit)) {
            List<String> inHistory = store.history().query(HistoryQuery.earliest(room.id(), threads * perThread + 1))
                    .orElseThrow().messages().stream().map(ChatMessage::stanzaId)
                    .filter(s -> !s.equals("first")).toList();
            List<String> inCompletionOrder = completed.stream().filter(m -> m.room().equals(room.id()))
                    .map(ChatMessage::stanzaId).toList();
            assertThat(inCompletionOrder).hasSize(threads * perThread / 2).isEqualTo(inHistory);
            for (int t = 0; t < threads; t++) {
                String prefix = "t" + t + "-";
                assertThat(inHistory.stream().filter(s -> s.startsWith(prefix))
                        .map(s -> Integer.parseInt(s.substring(prefix.length()))).toList())
                        .as("poster %d's messages in the order it posted them", t).hasSize(perThread / 2).isSorted();
            }
        }
        assertThat(gated.batchSizes).allMatch(size -> size <= 64);
    }

    @Test
    void historyWriterShouldRunOnAPlatformThreadNamedPerchHistoryWriter() throws Exception {
        writer = new HistoryWriter(gated, 100, 512);
        gated.open();

        post(desk.id(), "m1").get(10, TimeUnit.SECONDS);

        assertThat(gated.threads).containsExactly("perch-history-writer");
    }

    @Test
    void historyWriterShouldRefuseNonsensicalSizes() {
        assertThatThrownBy(() -> new HistoryWriter(store.history(), 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HistoryWriter(store.history(), 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
