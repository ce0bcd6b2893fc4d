package org.perch.bench;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.perch.core.RoomId;
import org.perch.store.Store;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryPage;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.Room;

/**
 * Read latency of the embedded (H2) store on a {@link Dataset} of {@code messages} messages in 1,000 rooms. Sample
 * mode, so JMH reports the distribution (p50, p90, p99, p99.9) of single calls, each on a random room or anchor
 * (4,096 anchors, picked once per trial by {@link Dataset#anchors}). One thread: the figures are per-call latency on
 * an otherwise idle store; add {@code -t 2} to see two readers contend.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class HistoryReadBenchmark {

    private static final int ANCHORS = 4_096;

    @Param({"1000000"})
    public long messages;

    private Store store;
    private RoomId[] rooms;
    private Dataset.Anchor[] anchors;

    @Setup
    public void open() {
        Dataset dataset = Dataset.ensure(messages);
        store = dataset.open();
        List<Room> found = Dataset.rooms(store);
        rooms = found.stream().map(Room::id).toArray(RoomId[]::new);
        anchors = dataset.anchors(store, found, ANCHORS, 42).toArray(Dataset.Anchor[]::new);
        // The pages must be what a client would get, or the figures measure nothing.
        for (int i = 0; i < 100; i++) {
            requireSize(join30(), 30);
            requireSize(mamForward50(), 50);
            requireSize(mamBackward50(), 50);
        }
    }

    @TearDown
    public void close() {
        store.close();
    }

    /** What a join replays: the room's latest 30 messages. */
    @Benchmark
    public HistoryPage join30() {
        RoomId room = rooms[ThreadLocalRandom.current().nextInt(rooms.length)];
        return store.history().query(HistoryQuery.latest(room, 30)).orElseThrow();
    }

    /** A MAM page of 50 paging forward ({@code <after/>}) from a message in the middle of a room. */
    @Benchmark
    public HistoryPage mamForward50() {
        Dataset.Anchor anchor = anchors[ThreadLocalRandom.current().nextInt(anchors.length)];
        return store.history().query(HistoryQuery.earliest(anchor.room(), 50).after(anchor.stanzaId())).orElseThrow();
    }

    /** A MAM page of 50 paging backwards ({@code <before/>}) from a message in the middle of a room. */
    @Benchmark
    public HistoryPage mamBackward50() {
        Dataset.Anchor anchor = anchors[ThreadLocalRandom.current().nextInt(anchors.length)];
        return store.history().query(HistoryQuery.latest(anchor.room(), 50).before(anchor.stanzaId())).orElseThrow();
    }

    /**
     * Diagnostic: one message by stanza-id, the lookup each MAM page above makes for its anchor (and retraction and
     * moderation make), to tell its share of their time from the page read's.
     */
    @Benchmark
    public ChatMessage findByStanzaId() {
        Dataset.Anchor anchor = anchors[ThreadLocalRandom.current().nextInt(anchors.length)];
        return store.history().find(anchor.room(), anchor.stanzaId()).orElseThrow();
    }

    private static void requireSize(HistoryPage page, int size) {
        if (page.messages().size() != size || page.complete()) {
            throw new IllegalStateException("expected an incomplete page of " + size + ", got "
                    + page.messages().size() + " (complete: " + page.complete() + ")");
        }
    }
}
