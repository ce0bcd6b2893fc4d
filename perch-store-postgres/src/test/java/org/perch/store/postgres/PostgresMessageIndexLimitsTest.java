package org.perch.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.MessageIndex;
import org.perch.store.chat.SearchHits;
import org.perch.store.chat.SearchQuery;

/** What the PostgreSQL index does beyond the contract: PostgreSQL's size limits, compatibility forms, microseconds. */
class PostgresMessageIndexLimitsTest {

    private static final RoomId LOBBY = RoomId.random();
    private static final Instant T0 = Instant.parse("2026-05-01T10:15:30Z");

    private final MessageIndex index = PostgresStore.openMessageIndex(TestPostgres.freshDatabase());

    @AfterEach
    void closeIndex() {
        index.close();
    }

    private static ChatMessage message(long id, Instant at, String body) {
        return new ChatMessage(id, LOBBY, "msg-" + id, at, Jid.of("alice@example.org"), "alice", body, "",
                Optional.empty());
    }

    private List<Long> ids(String text, Optional<Instant> start, Optional<Instant> end) {
        SearchHits hits = index.search(new SearchQuery(Set.of(LOBBY), text, start, end, Optional.empty(),
                OptionalLong.empty(), OptionalLong.empty(), 100, false));
        return hits.hits().stream().map(SearchHits.Hit::id).toList();
    }

    private List<Long> ids(String text) {
        return ids(text, Optional.empty(), Optional.empty());
    }

    @Test
    void aBodyWithMoreDistinctWordsThanATsvectorHoldsShouldStillBeIndexed() {
        // Some 1.5 MB of distinct words; PostgreSQL refuses a tsvector whose words exceed 1 MB.
        String body = IntStream.range(0, 150_000).mapToObj(n -> "word" + n).collect(Collectors.joining(" "));

        index.add(List.of(message(1, T0, body), message(2, T0, "word0 needle")));

        assertThat(ids("word0")).containsExactly(1L, 2L);
        assertThat(ids("word1000")).containsExactly(1L);
        assertThat(index.lastIndexedId()).isEqualTo(2);
    }

    @Test
    void aWordLongerThanPostgresLexemesShouldBeFoundByItself() {
        // 1,500 Cyrillic letters, 3,000 bytes: a lexeme may have 2,046.
        String alphabet = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
        String longWord = IntStream.range(0, 1_500).mapToObj(i -> String.valueOf(alphabet.charAt(i % 32)))
                .collect(Collectors.joining());

        index.add(List.of(message(1, T0, "see " + longWord), message(2, T0, "see other")));

        assertThat(ids(longWord.toUpperCase())).containsExactly(1L);
        assertThat(ids("see")).containsExactly(1L, 2L);
    }

    @Test
    void fullWidthAndCompatibilityFormsShouldFindTheirPlainLetters() {
        index.add(List.of(message(1, T0, "ＤＥＰＬＯＹ the ﬁle №５")));

        assertThat(ids("deploy file")).containsExactly(1L);
        assertThat(ids("no5")).containsExactly(1L);
        assertThat(ids("Ｆｉｌｅ")).containsExactly(1L);
    }

    @Test
    void startAndEndShouldBoundByTheMicrosecondTheHistoryKeeps() {
        Instant oneMicro = T0.plusNanos(1_000);
        index.add(List.of(message(1, oneMicro, "needle")));

        assertThat(ids("needle", Optional.of(T0.plusNanos(500)), Optional.empty())).containsExactly(1L);
        assertThat(ids("needle", Optional.of(oneMicro.plusNanos(1)), Optional.empty())).isEmpty();
        assertThat(ids("needle", Optional.empty(), Optional.of(oneMicro.plusNanos(999)))).containsExactly(1L);
        assertThat(ids("needle", Optional.empty(), Optional.of(T0.plusNanos(999)))).isEmpty();
        assertThat(ids("needle", Optional.of(Instant.MIN), Optional.of(Instant.MAX))).containsExactly(1L);
    }
}
