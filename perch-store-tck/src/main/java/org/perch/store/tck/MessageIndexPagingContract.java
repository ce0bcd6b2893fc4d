package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.store.tck.ChatData.ALICE;
import static org.perch.store.tck.ChatData.BOB;
import static org.perch.store.tck.ChatData.at;
import static org.perch.store.tck.SearchData.GARDEN;
import static org.perch.store.tck.SearchData.HALL;
import static org.perch.store.tck.SearchData.LOBBY;
import static org.perch.store.tck.SearchData.hits;
import static org.perch.store.tck.SearchData.ids;
import static org.perch.store.tck.SearchData.message;
import static org.perch.store.tck.SearchData.messages;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.MessageIndex;
import org.perch.store.chat.SearchHits;
import org.perch.store.tck.SearchData.Search;

/**
 * What every {@link MessageIndex} must do when asked for a page of hits: the room, time and sender filters,
 * exclusive {@code afterId}/{@code beforeId} bounds, direction, and the {@code complete} flag. Bound through
 * {@link MessageIndexContract}.
 */
public interface MessageIndexPagingContract {

    /** A fixture over a fresh, empty index for the current test. */
    MessageIndexFixture indexFixture();

    @AfterEach
    default void closeMessageIndexFixture() {
        indexFixture().close();
    }

    private MessageIndex index() {
        return indexFixture().index();
    }

    private SearchHits search(Search search) {
        return index().search(search.query());
    }

    /** Messages 1..count of the lobby, every third without the word "needle", added ten per call; the matches. */
    private List<ChatMessage> addNeedles(int count) {
        List<ChatMessage> all = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            all.add(message(LOBBY, id, id % 3 == 0 ? "haystack needles" : "a needle in message " + id));
        }
        for (int from = 0; from < count; from += 10) {
            index().add(all.subList(from, Math.min(from + 10, count)));
        }
        return all.stream().filter(m -> m.id() % 3 != 0).toList();
    }

    @Test
    default void pagingForwardWithAfterIdShouldReachEveryMatchExactlyOnce() {
        List<ChatMessage> matches = addNeedles(150);
        List<SearchHits.Hit> seen = new ArrayList<>();

        SearchHits page = search(Search.of("needle", LOBBY).max(7));
        for (int pages = 1; !page.complete() && pages <= 100; pages++) {
            assertThat(page.hits()).hasSize(7);
            seen.addAll(page.hits());
            page = search(Search.of("needle", LOBBY).max(7).after(page.hits().getLast().id()));
        }
        seen.addAll(page.hits());

        assertThat(matches).hasSize(100);
        assertThat(seen).containsExactlyElementsOf(hits(matches));
    }

    @Test
    default void pagingBackwardWithBeforeIdShouldReachEveryMatchExactlyOnce() {
        List<ChatMessage> matches = addNeedles(150);
        List<SearchHits.Hit> seen = new ArrayList<>();

        SearchHits page = search(Search.of("needle", LOBBY).max(7).fromEnd());
        for (int pages = 1; !page.complete() && pages <= 100; pages++) {
            assertThat(page.hits()).hasSize(7);
            seen.addAll(0, page.hits());
            page = search(Search.of("needle", LOBBY).max(7).fromEnd().before(page.hits().getFirst().id()));
        }
        seen.addAll(0, page.hits());

        assertThat(seen).containsExactlyElementsOf(hits(matches));
    }

    @Test
    default void fromEndShouldGiveTheLatestMatchesOldestFirst() {
        List<ChatMessage> all = messages(LOBBY, 1, 10, "needle");
        index().add(all);

        assertThat(search(Search.of("needle", LOBBY).max(3).fromEnd()))
                .isEqualTo(new SearchHits(hits(all.subList(7, 10)), false));
        assertThat(search(Search.of("needle", LOBBY).max(3))).isEqualTo(new SearchHits(hits(all.subList(0, 3)), false));
        assertThat(search(Search.of("needle", LOBBY).max(10).fromEnd())).isEqualTo(new SearchHits(hits(all), true));
        assertThat(search(Search.of("needle", LOBBY).max(50).fromEnd())).isEqualTo(new SearchHits(hits(all), true));
        assertThat(search(Search.of("needle", LOBBY).max(50))).isEqualTo(new SearchHits(hits(all), true));
    }

    @Test
    default void afterIdAndBeforeIdShouldBoundTheMatchesExclusively() {
        index().add(messages(LOBBY, 1, 10, "needle"));

        assertThat(search(Search.of("needle", LOBBY).after(3).before(8)))
                .satisfies(h -> assertThat(ids(h)).containsExactly(4L, 5L, 6L, 7L))
                .satisfies(h -> assertThat(h.complete()).isTrue());
        assertThat(search(Search.of("needle", LOBBY).after(3).before(8).max(2).fromEnd()))
                .satisfies(h -> assertThat(ids(h)).containsExactly(6L, 7L))
                .satisfies(h -> assertThat(h.complete()).isFalse());
        assertThat(search(Search.of("needle", LOBBY).after(3).before(8).max(2)))
                .satisfies(h -> assertThat(ids(h)).containsExactly(4L, 5L))
                .satisfies(h -> assertThat(h.complete()).isFalse());
        assertThat(ids(search(Search.of("needle", LOBBY).after(3).before(4)))).isEmpty();
    }

    @Test
    default void aPageBeyondTheEndShouldBeEmptyAndComplete() {
        index().add(messages(LOBBY, 1, 10, "needle"));

        assertThat(search(Search.of("needle", LOBBY).after(10))).isEqualTo(new SearchHits(List.of(), true));
        assertThat(search(Search.of("needle", LOBBY).after(Long.MAX_VALUE))).isEqualTo(new SearchHits(List.of(), true));
        assertThat(search(Search.of("needle", LOBBY).before(1).fromEnd())).isEqualTo(new SearchHits(List.of(), true));
        assertThat(search(Search.of("needle", LOBBY).before(Long.MIN_VALUE).fromEnd()))
                .isEqualTo(new SearchHits(List.of(), true));
    }

    @Test
    default void startAndEndShouldSelectByTimestampInclusively() {
        index().add(messages(LOBBY, 1, 10, "needle"));

        assertThat(ids(search(Search.of("needle", LOBBY).start(at(3)).end(at(6))))).containsExactly(3L, 4L, 5L, 6L);
        assertThat(ids(search(Search.of("needle", LOBBY).start(at(3).plusMillis(1)).end(at(6).minusMillis(1)))))
                .containsExactly(4L, 5L);
        assertThat(ids(search(Search.of("needle", LOBBY).start(at(8)).fromEnd()))).containsExactly(8L, 9L, 10L);
        assertThat(ids(search(Search.of("needle", LOBBY).end(at(1))))).containsExactly(1L);
        assertThat(search(Search.of("needle", LOBBY).start(at(6)).end(at(3))))
                .isEqualTo(new SearchHits(List.of(), true));
    }

    @Test
    default void withShouldSelectTheMatchesOfOnePoster() {
        index().add(messages(LOBBY, 1, 6, "needle"));

        assertThat(ids(search(Search.of("needle", LOBBY).with(BOB)))).containsExactly(1L, 3L, 5L);
        assertThat(ids(search(Search.of("needle", LOBBY).with(ALICE.withResource("phone")).fromEnd())))
                .containsExactly(2L, 4L, 6L);
        assertThat(search(Search.of("needle", LOBBY).with(TestData.jid("carol"))))
                .isEqualTo(new SearchHits(List.of(), true));
    }

    @Test
    default void roomsShouldBeTheOnlyPlacesSearched() {
        List<ChatMessage> lobbys = new ArrayList<>();
        List<ChatMessage> halls = new ArrayList<>();
        // Interleaved ids, the same words and the same stanza-ids in both rooms.
        for (long n = 1; n <= 10; n++) {
            lobbys.add(message(LOBBY, 2 * n - 1, "msg-" + n, "needle"));
            halls.add(message(HALL, 2 * n, "msg-" + n, "needle"));
        }
        index().add(lobbys);
        index().add(halls);
        List<ChatMessage> both = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            both.add(lobbys.get(i));
            both.add(halls.get(i));
        }

        assertThat(search(Search.of("needle", LOBBY))).isEqualTo(new SearchHits(hits(lobbys), true));
        assertThat(search(Search.of("needle", HALL).max(3).fromEnd()))
                .isEqualTo(new SearchHits(hits(halls.subList(7, 10)), false));
        assertThat(search(Search.of("needle", LOBBY, HALL))).isEqualTo(new SearchHits(hits(both), true));
        assertThat(search(Search.of("needle", LOBBY, GARDEN).after(17))).isEqualTo(new SearchHits(
                hits(lobbys.get(9)), true));
        assertThat(search(Search.of("needle", GARDEN))).isEqualTo(new SearchHits(List.of(), true));
        assertThat(search(Search.of("needle"))).isEqualTo(new SearchHits(List.of(), true));
    }

    @Test
    default void filtersAndBoundsShouldCombine() {
        index().add(messages(LOBBY, 1, 10, "needle"));
        index().add(messages(HALL, 11, 20, "needle"));

        assertThat(search(Search.of("needle", LOBBY).start(at(2)).with(BOB).after(3).max(2).fromEnd()))
                .satisfies(h -> assertThat(ids(h)).containsExactly(7L, 9L))
                .satisfies(h -> assertThat(h.complete()).isFalse());
        assertThat(search(Search.of("needle", LOBBY).start(at(2)).with(BOB).after(3).before(7).max(2).fromEnd()))
                .satisfies(h -> assertThat(ids(h)).containsExactly(5L))
                .satisfies(h -> assertThat(h.complete()).isTrue());
    }

    @Test
    default void completeShouldBeTrueWhenTheMatchesAreExactlyMax() {
        index().add(messages(LOBBY, 1, 10, "needle"));

        assertThat(search(Search.of("needle", LOBBY).with(ALICE).max(5)).complete()).isTrue();
        assertThat(search(Search.of("needle", LOBBY).with(ALICE).max(5).fromEnd()).complete()).isTrue();
        assertThat(search(Search.of("needle", LOBBY).with(ALICE).max(4)).complete()).isFalse();
        assertThat(search(Search.of("needle", LOBBY).with(ALICE).max(4).fromEnd()).complete()).isFalse();
    }

    @Test
    default void maxZeroShouldGiveNoHitsCompleteOnlyIfNothingMatches() {
        index().add(messages(LOBBY, 1, 3, "needle"));

        assertThat(search(Search.of("needle", LOBBY).max(0))).isEqualTo(new SearchHits(List.of(), false));
        assertThat(search(Search.of("needle", LOBBY).max(0).fromEnd())).isEqualTo(new SearchHits(List.of(), false));
        assertThat(search(Search.of("needle", LOBBY).max(0).after(3))).isEqualTo(new SearchHits(List.of(), true));
        assertThat(search(Search.of("absent", LOBBY).max(0))).isEqualTo(new SearchHits(List.of(), true));
    }
}
