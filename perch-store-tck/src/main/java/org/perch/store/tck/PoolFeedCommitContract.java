package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.perch.store.tck.FeedData.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.cluster.PoolEvent;
import org.perch.store.cluster.PoolFeed;

/**
 * What every {@link PoolFeed} must do with blocks and concurrent writers: events commit with their block, and
 * positions grow in commit order, so a reader that remembers only the last position it read misses nothing.
 * Bound through {@link PoolFeedContract}.
 */
public interface PoolFeedCommitContract {

    int WRITERS = 4;
    int BLOCKS_PER_WRITER = 100;
    /** Each block appends two events: a message stored and its occupant's presence, say. */
    int EVENTS = WRITERS * BLOCKS_PER_WRITER * 2;

    StoreFixture fixture();

    @AfterEach
    default void closePoolFeedFixture() {
        fixture().close();
    }

    private Store store() {
        return fixture().store();
    }

    @Test
    default void aBlockShouldCommitItsEventsInOrderWithItsChange() {
        List<PoolEvent> stored = store().atomically(() -> {
            store().categories().create(Category.named("Trading"));
            List<PoolEvent> first = store().feed().append(List.of(event("fe1", 1)));
            List<PoolEvent> second = store().feed().append(List.of(event("fe1", 2), event("fe1", 3)));
            return Stream.concat(first.stream(), second.stream()).toList();
        });

        assertThat(stored).extracting(PoolEvent::position).isSorted().doesNotHaveDuplicates();
        assertThat(store().feed().after(0, 10)).isEqualTo(stored);
        assertThat(store().categories().findByName("Trading")).isPresent();
    }

    @Test
    default void otherReadersShouldNotSeeABlocksEventsBeforeItCommits() {
        PoolFeed feed = store().feed();
        List<Object> seenMeanwhile = store().atomically(() -> {
            feed.append(List.of(event("fe1", 1)));
            return List.of(elsewhere(() -> feed.after(0, 10)), elsewhere(feed::lastPosition));
        });

        assertThat(seenMeanwhile).containsExactly(List.of(), 0L);
        assertThat(feed.after(0, 10)).hasSize(1);
    }

    @Test
    default void aBlockThatThrowsShouldLeaveNoEventAndTheLastPositionAsItWas() {
        PoolFeed feed = store().feed();
        PoolEvent before = feed.append(List.of(event("fe1", 1))).getFirst();

        assertThatThrownBy(() -> store().atomically(() -> {
            feed.append(List.of(event("fe1", 2), event("fe1", 3)));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");

        assertThat(feed.after(0, 10)).containsExactly(before);
        assertThat(feed.lastPosition()).isEqualTo(before.position());
        PoolEvent after = feed.append(List.of(event("fe1", 4))).getFirst();
        assertThat(feed.after(0, 10)).containsExactly(before, after);
    }

    @Test
    default void aBlockThatThrowsShouldLeaveNeitherItsEventsNorItsChange() {
        assumeThat(fixture().has(StoreCapability.TRANSACTIONAL)).as("backend rolls back").isTrue();

        assertThatThrownBy(() -> store().atomically(() -> {
            store().categories().create(Category.named("Trading"));
            store().feed().append(List.of(event("fe1", 1)));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");

        assertThat(store().categories().findByName("Trading")).isEmpty();
        assertThat(store().feed().after(0, 10)).isEmpty();
    }

    /**
     * Writers append in blocks that do more after their append, as a server's do, while a reader pages with
     * {@code after(last position read)}. If positions were handed out in the order they are asked for (a database
     * sequence), a block could commit below a position the reader has passed, and the reader would never see it.
     */
    @Test
    default void aReaderFollowingTheLastPositionShouldSeeEveryEventOnceInPositionOrder() {
        Store store = store();
        List<PoolEvent> appended = new CopyOnWriteArrayList<>();
        List<PoolEvent> read = new ArrayList<>();
        AtomicInteger writing = new AtomicInteger(WRITERS);

        Concurrently.run(WRITERS + 1, t -> {
            if (t == WRITERS) {
                read.addAll(follow(store.feed(), writing));
                return;
            }
            for (int b = 0; b < BLOCKS_PER_WRITER; b++) {
                int n = 2 * b;
                appended.addAll(store.atomically(() -> {
                    List<PoolEvent> message = store.feed().append(List.of(event("fe" + t, n)));
                    List<PoolEvent> presence = store.feed().append(List.of(event("fe" + t, n + 1)));
                    return Stream.concat(message.stream(), presence.stream()).toList();
                }));
            }
            writing.decrementAndGet();
        });

        assertThat(read).extracting(PoolEvent::position).isSorted().doesNotHaveDuplicates();
        assertThat(read).hasSize(EVENTS).containsExactlyInAnyOrderElementsOf(appended);
        assertThat(store.feed().lastPosition()).isEqualTo(read.getLast().position());
    }

    /** Pages through the feed until the writers are done and nothing is left, as a server's reader does. */
    private static List<PoolEvent> follow(PoolFeed feed, AtomicInteger writing) {
        List<PoolEvent> read = new ArrayList<>();
        Set<Long> positions = new HashSet<>();
        long last = 0;
        while (true) {
            boolean writersDone = writing.get() == 0;
            List<PoolEvent> page = feed.after(last, 50);
            for (PoolEvent e : page) {
                assertThat(e.position()).as("a position above the last one read").isGreaterThan(last);
                assertThat(positions.add(e.position())).as("position %d read once", e.position()).isTrue();
                last = e.position();
                read.add(e);
            }
            if (page.isEmpty() && writersDone) {
                return read;
            }
        }
    }

    /** What {@code read} gives on another thread, which is not in this thread's block. */
    private static <T> T elsewhere(Supplier<T> read) {
        try {
            return CompletableFuture.supplyAsync(read).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("a read on another thread failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
