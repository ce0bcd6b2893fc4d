package org.perch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.StoreException;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.SearchHits;
import org.perch.store.chat.SearchQuery;

/** What the Lucene index does beyond the contract: its files, its volume, and microsecond time bounds. */
class LuceneMessageIndexFilesTest {

    private static final RoomId LOBBY = RoomId.random();
    private static final Instant T0 = Instant.parse("2024-05-01T10:15:30Z");

    @TempDir
    Path dataDir;

    private static ChatMessage message(long id, Instant at, String body) {
        return new ChatMessage(id, LOBBY, "msg-" + id, at, Jid.bare("alice", "example.org"), "alice", body, "",
                Optional.empty());
    }

    private static SearchQuery search(String text, Optional<Instant> start, Optional<Instant> end, int max) {
        return new SearchQuery(Set.of(LOBBY), text, start, end, Optional.empty(), OptionalLong.empty(),
                OptionalLong.empty(), max, false);
    }

    @Test
    void openShouldCreateTheDirectoryAndKeepTheIndexInIt() {
        Path search = dataDir.resolve("data").resolve("search");

        try (LuceneMessageIndex index = LuceneMessageIndex.open(search)) {
            index.add(List.of(message(1, T0, "hello")));
        }

        assertThat(search).isDirectory();
        assertThat(search.resolve("write.lock")).exists();
        assertThat(search.toFile().list()).anyMatch(name -> name.startsWith("segments_"));
    }

    @Test
    void aSecondOpenOfTheSameDirectoryShouldBeRefusedWhileTheFirstIsOpen() {
        Path search = dataDir.resolve("search");
        try (LuceneMessageIndex first = LuceneMessageIndex.open(search)) {
            first.add(List.of(message(1, T0, "hello")));

            assertThatThrownBy(() -> LuceneMessageIndex.open(search)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("already open");
        }
        try (LuceneMessageIndex again = LuceneMessageIndex.open(search)) {
            assertThat(again.lastIndexedId()).isEqualTo(1);
        }
    }

    @Test
    void aCrashShouldLoseOnlyAdditionsNotYetCommittedAndSayWhereToCatchUpFrom() throws Exception {
        Path search = dataDir.resolve("search");
        try (LuceneMessageIndex index = LuceneMessageIndex.open(search, Duration.ofHours(1))) {
            index.add(List.of(message(1, T0, "first needle")));
        }
        try (LuceneMessageIndex index = LuceneMessageIndex.open(search, Duration.ofHours(1))) {
            index.add(List.of(message(2, T0, "second needle")));
            assertThat(index.search(search("needle", Optional.empty(), Optional.empty(), 10)).hits()).hasSize(2);

            try (LuceneMessageIndex crashed = LuceneMessageIndex.open(crashImage(search))) {
                assertThat(crashed.lastIndexedId()).isEqualTo(1);
                assertThat(crashed.search(search("needle", Optional.empty(), Optional.empty(), 10)).hits())
                        .extracting(SearchHits.Hit::id).containsExactly(1L);
            }
        }
    }

    @Test
    void additionsShouldBeCommittedOnceTheIntervalHasPassed() throws Exception {
        Path search = dataDir.resolve("search");
        try (LuceneMessageIndex index = LuceneMessageIndex.open(search, Duration.ZERO)) {
            index.add(List.of(message(1, T0, "needle")));

            try (LuceneMessageIndex crashed = LuceneMessageIndex.open(crashImage(search))) {
                assertThat(crashed.lastIndexedId()).isEqualTo(1);
                assertThat(crashed.search(search("needle", Optional.empty(), Optional.empty(), 10)).hits())
                        .hasSize(1);
            }
        }
    }

    @Test
    void aRemovalShouldBeDurableAtOnceSoARetractedMessageNeverComesBack() throws Exception {
        Path search = dataDir.resolve("search");
        try (LuceneMessageIndex index = LuceneMessageIndex.open(search, Duration.ofHours(1))) {
            index.add(List.of(message(1, T0, "secret needle"), message(2, T0, "plain needle")));
        }
        try (LuceneMessageIndex index = LuceneMessageIndex.open(search, Duration.ofHours(1))) {
            index.remove(LOBBY, "msg-1");

            try (LuceneMessageIndex crashed = LuceneMessageIndex.open(crashImage(search))) {
                assertThat(crashed.search(search("needle", Optional.empty(), Optional.empty(), 10)).hits())
                        .extracting(SearchHits.Hit::id).containsExactly(2L);
            }
        }
    }

    /** The index's files as a crash would leave them: a copy taken while it is open, without its lock. */
    private Path crashImage(Path search) throws Exception {
        Path image = Files.createDirectories(dataDir.resolve("crash-image-" + System.nanoTime()));
        try (var files = Files.list(search)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.copy(file, image.resolve(file.getFileName()));
            }
        }
        return image;
    }

    @Test
    void openOnAFileShouldFailWithAStoreException() throws Exception {
        Path file = Files.writeString(dataDir.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> LuceneMessageIndex.open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void timeBoundsShouldHoldToTheMicrosecondAsHistoryKeepsThem() {
        Instant at = T0.plusNanos(123_456_000);
        try (LuceneMessageIndex index = LuceneMessageIndex.open(dataDir.resolve("search"))) {
            index.add(List.of(message(1, at, "needle")));

            assertThat(index.search(search("needle", Optional.of(at), Optional.of(at), 10)).hits()).hasSize(1);
            assertThat(index.search(search("needle", Optional.of(at.plusNanos(1_000)), Optional.empty(), 10)).hits())
                    .isEmpty();
            assertThat(index.search(search("needle", Optional.empty(), Optional.of(at.minusNanos(1_000)), 10))
                    .hits()).isEmpty();
            // Bounds finer than a microsecond round inwards, still including the message they enclose.
            assertThat(index.search(search("needle", Optional.of(at.minusNanos(1)), Optional.of(at.plusNanos(1)),
                    10)).hits()).hasSize(1);
        }
    }

    @Test
    void tenThousandMessagesAndAHundredKilobyteBodyShouldIndexAndPage() {
        try (LuceneMessageIndex index = LuceneMessageIndex.open(dataDir.resolve("search"))) {
            String large = "lorem ipsum ".repeat(8_600) + "rare";
            assertThat(large.length()).isGreaterThan(100_000);
            for (int from = 1; from <= 10_000; from += 500) {
                List<ChatMessage> batch = new ArrayList<>();
                for (long id = from; id < from + 500; id++) {
                    String body = id == 5_000 ? large : "common message " + id + (id % 1_000 == 0 ? " rare" : "");
                    batch.add(message(id, T0.plusMillis(id), body));
                }
                index.add(batch);
            }

            assertThat(index.lastIndexedId()).isEqualTo(10_000);
            SearchHits rare = index.search(search("rare", Optional.empty(), Optional.empty(), 100));
            assertThat(rare.hits()).extracting(SearchHits.Hit::id)
                    .containsExactly(1_000L, 2_000L, 3_000L, 4_000L, 5_000L, 6_000L, 7_000L, 8_000L, 9_000L, 10_000L);
            assertThat(rare.complete()).isTrue();
            SearchHits latest = index.search(SearchQuery.latest(Set.of(LOBBY), "common", 3));
            assertThat(latest.hits()).extracting(SearchHits.Hit::id).containsExactly(9_998L, 9_999L, 10_000L);
            assertThat(latest.complete()).isFalse();
            assertThat(index.search(search("common", Optional.empty(), Optional.empty(), 20_000)).hits())
                    .hasSize(9_999);
        }
    }
}
