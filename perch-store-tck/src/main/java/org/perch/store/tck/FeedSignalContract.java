package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.perch.store.tck.FeedData.event;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.store.Store;
import org.perch.store.cluster.FeedSignal;
import org.perch.store.cluster.PoolEvent;

/**
 * What every store's {@link FeedSignal} must do for readers in the process that appends: wake them once an append
 * has committed, in the order they listened, until they stop. Waking the other servers of a pool is the PostgreSQL
 * backend's own test. Bound through {@link PoolFeedContract}.
 */
public interface FeedSignalContract {

    Duration SOON = Duration.ofSeconds(10);

    StoreFixture fixture();

    @AfterEach
    default void closePoolFeedFixture() {
        fixture().close();
    }

    private Store store() {
        return fixture().store();
    }

    /** A listener that notes the feed's last position each time it is called, as a reader would read from it. */
    private List<Long> lastPositionsSeenOnEachCall() {
        List<Long> seen = new CopyOnWriteArrayList<>();
        store().feedSignal().listen(() -> seen.add(store().feed().lastPosition()));
        return seen;
    }

    @Test
    default void aListenerShouldBeCalledAfterAnAppendAndFindItThen() {
        List<Long> seen = lastPositionsSeenOnEachCall();

        PoolEvent appended = store().feed().append(List.of(event("fe1", 1))).getFirst();

        await().atMost(SOON).until(() -> seen.contains(appended.position()));
    }

    @Test
    default void aListenerShouldHearOfABlocksEventsOnceTheBlockHasCommitted() {
        List<Long> seen = lastPositionsSeenOnEachCall();

        PoolEvent last = store().atomically(() -> {
            store().feed().append(List.of(event("fe1", 1)));
            return store().feed().append(List.of(event("fe1", 2))).getFirst();
        });

        await().atMost(SOON).until(() -> seen.contains(last.position()));
    }

    @Test
    default void aListenerThatStoppedShouldNotBeCalledAgain() {
        List<String> calls = new CopyOnWriteArrayList<>();
        FeedSignal.Listening stopped = store().feedSignal().listen(() -> calls.add("stopped"));
        store().feedSignal().listen(() -> calls.add("listening"));

        stopped.close();
        store().feed().append(List.of(event("fe1", 1)));

        // Listeners are called in the order they came: once the later one has been, the earlier would have been.
        await().atMost(SOON).until(() -> calls.contains("listening"));
        assertThat(calls).doesNotContain("stopped");
    }

    @Test
    default void aFailingListenerShouldNeitherFailTheAppendNorKeepOthersFromBeingCalled() {
        store().feedSignal().listen(() -> {
            throw new IllegalStateException("a broken listener");
        });
        List<Long> seen = lastPositionsSeenOnEachCall();

        PoolEvent appended = store().feed().append(List.of(event("fe1", 1))).getFirst();

        assertThat(store().feed().after(0, 10)).containsExactly(appended);
        await().atMost(SOON).until(() -> seen.contains(appended.position()));
    }
}
