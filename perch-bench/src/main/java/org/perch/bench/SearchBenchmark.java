package org.perch.bench;

import java.util.List;
import java.util.Set;
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
import org.perch.domain.chat.SearchIndexer;
import org.perch.search.lucene.LuceneMessageIndex;
import org.perch.store.Store;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.Room;
import org.perch.store.chat.SearchHits;
import org.perch.store.chat.SearchQuery;

/**
 * Full-text search latency on a {@link Dataset}: the newest page of 50 matches of two words, across all 1,000
 * rooms (the Lync search box for a user who may read every room, the worst case) and in one room, each followed by
 * reading the matched messages from history, as {@code RoomSearch} does. The Lucene index lives beside the dataset
 * ({@code search/}); the first run builds it from history and prints how long that took.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class SearchBenchmark {

    /** Pairs of words of the dataset's vocabulary: common ones, so pages are full and sorting is real work. */
    private static final String[] QUERIES = {"budget quarter", "deploy server", "review merge", "release ticket",
        "customer report", "meeting agenda", "café Zürich", "会議 東京", "history archive", "sync call"};

    @Param({"1000000"})
    public long messages;

    private Store store;
    private LuceneMessageIndex index;
    private Set<RoomId> allRooms;
    private RoomId[] rooms;

    @Setup
    public void open() {
        Dataset dataset = Dataset.ensure(messages);
        store = dataset.open();
        index = LuceneMessageIndex.open(dataset.dir().resolve("search"));
        long start = System.nanoTime();
        long added;
        try (SearchIndexer indexer = new SearchIndexer(store.history(), index)) {
            added = indexer.catchUp();
        }
        if (added > 0) {
            System.out.printf("indexed %,d messages in %.1f s (%,.0f msg/s)%n", added,
                    (System.nanoTime() - start) / 1e9, Dataset.rate(added, System.nanoTime() - start));
        }
        List<Room> found = Dataset.rooms(store);
        rooms = found.stream().map(Room::id).toArray(RoomId[]::new);
        allRooms = Set.of(rooms);
        if (everywhere().isEmpty()) {
            throw new IllegalStateException("the search found nothing: the figures would measure nothing");
        }
    }

    @TearDown
    public void close() {
        index.close();
        store.close();
    }

    @Benchmark
    public List<ChatMessage> everywhere() {
        return fetch(index.search(SearchQuery.latest(allRooms, query(), 50)));
    }

    @Benchmark
    public List<ChatMessage> inOneRoom() {
        RoomId room = rooms[ThreadLocalRandom.current().nextInt(rooms.length)];
        return fetch(index.search(SearchQuery.latest(Set.of(room), query(), 50)));
    }

    private List<ChatMessage> fetch(SearchHits hits) {
        return hits.hits().stream().map(h -> store.history().find(h.room(), h.stanzaId()).orElseThrow()).toList();
    }

    private static String query() {
        return QUERIES[ThreadLocalRandom.current().nextInt(QUERIES.length)];
    }
}
