package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.perch.store.tck.SearchData.GARDEN;
import static org.perch.store.tck.SearchData.HALL;
import static org.perch.store.tck.SearchData.LOBBY;
import static org.perch.store.tck.SearchData.hits;
import static org.perch.store.tck.SearchData.message;
import static org.perch.store.tck.SearchData.messages;
import static org.perch.store.tck.SearchData.retracted;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.MessageIndex;
import org.perch.store.chat.SearchHits;
import org.perch.store.tck.SearchData.Search;

/**
 * What every {@link MessageIndex} must do when messages come and go: retracted ones stay out, removed ones and
 * removed rooms are no longer found, {@code lastIndexedId} tells where a catch-up starts, and concurrent adds
 * lose nothing. Which texts match is in {@link MessageIndexMatchingContract} and paging in
 * {@link MessageIndexPagingContract}; this extends both, so one binding runs all.
 */
public interface MessageIndexContract extends MessageIndexMatchingContract {

    private MessageIndex index() {
        return indexFixture().index();
    }

    private List<SearchHits.Hit> find(String text, org.perch.core.RoomId... rooms) {
        SearchHits found = index().search(Search.of(text, rooms).max(1000).query());
        assertThat(found.complete()).isTrue();
        return found.hits();
    }

    @Test
    default void aSearchRightAfterAddShouldFindTheMessages() {
        ChatMessage first = message(LOBBY, 1, "needle one");

        index().add(List.of(first));
        assertThat(find("needle", LOBBY)).isEqualTo(hits(first));

        ChatMessage second = message(LOBBY, 2, "needle two");
        index().add(List.of(second));
        assertThat(find("needle", LOBBY)).isEqualTo(hits(first, second));
    }

    @Test
    default void retractedMessagesShouldBeSkipped() {
        ChatMessage kept = message(LOBBY, 1, "secret plan");

        index().add(List.of(kept, retracted(LOBBY, 2, "secret plan too")));

        assertThat(find("secret plan", LOBBY)).isEqualTo(hits(kept));
        assertThat(find("too", LOBBY)).isEmpty();
    }

    @Test
    default void addingAMessageAgainShouldNotDuplicateIt() {
        List<ChatMessage> all = messages(LOBBY, 1, 3, "needle");

        index().add(all.subList(0, 2));
        index().add(all.subList(1, 3));

        assertThat(find("needle", LOBBY)).isEqualTo(hits(all));
    }

    @Test
    default void addingNoMessagesShouldChangeNothing() {
        index().add(List.of());

        assertThat(index().lastIndexedId()).isZero();
        assertThat(find("needle", LOBBY)).isEmpty();
    }

    @Test
    default void removeShouldMakeOneMessageUnfindable() {
        List<ChatMessage> lobbys = messages(LOBBY, 1, 3, "needle");
        ChatMessage sameStanzaIdInHall = message(HALL, 4, "msg-2", "needle");
        index().add(lobbys);
        index().add(List.of(sameStanzaIdInHall));

        index().remove(LOBBY, "msg-2");
        index().remove(LOBBY, "nope");
        index().remove(GARDEN, "msg-1");

        assertThat(find("needle", LOBBY, HALL)).isEqualTo(hits(lobbys.get(0), lobbys.get(2), sameStanzaIdInHall));
    }

    @Test
    default void removeRoomShouldForgetEveryMessageOfTheRoomOnly() {
        index().add(messages(LOBBY, 1, 5, "needle"));
        List<ChatMessage> halls = messages(HALL, 6, 8, "needle");
        index().add(halls);

        index().removeRoom(LOBBY);
        index().removeRoom(GARDEN);

        assertThat(find("needle", LOBBY, HALL)).isEqualTo(hits(halls));
        ChatMessage later = message(LOBBY, 9, "needle");
        index().add(List.of(later));
        assertThat(find("needle", LOBBY)).isEqualTo(hits(later));
    }

    @Test
    default void lastIndexedIdShouldBeTheLargestIdEverAdded() {
        assertThat(index().lastIndexedId()).isZero();

        index().add(List.of(message(LOBBY, 5, "five"), message(LOBBY, 3, "three")));
        assertThat(index().lastIndexedId()).isEqualTo(5);

        index().add(List.of(message(HALL, 4, "four")));
        assertThat(index().lastIndexedId()).isEqualTo(5);

        // A retracted message is skipped but counts, so a catch-up does not read it again.
        index().add(List.of(retracted(LOBBY, 9, "nine")));
        assertThat(index().lastIndexedId()).isEqualTo(9);

        // Forgetting messages does not lower it: a catch-up from a lower id would bring them back.
        index().remove(LOBBY, "msg-5");
        index().removeRoom(LOBBY);
        index().add(List.of());
        assertThat(index().lastIndexedId()).isEqualTo(9);
    }

    @Test
    default void theIndexShouldSurviveARestart() {
        assumeThat(indexFixture().has(StoreCapability.DURABLE)).as("backend is durable").isTrue();
        List<ChatMessage> lobbys = new ArrayList<>(messages(LOBBY, 1, 5, "needle"));
        index().add(lobbys);
        index().add(messages(HALL, 6, 7, "needle"));
        index().remove(LOBBY, "msg-3");
        index().removeRoom(HALL);
        lobbys.remove(2);

        MessageIndex reopened = indexFixture().reopen();

        assertThat(reopened.lastIndexedId()).isEqualTo(7);
        assertThat(find("needle", LOBBY, HALL)).isEqualTo(hits(lobbys));
        ChatMessage later = message(LOBBY, 8, "needle");
        reopened.add(List.of(later));
        lobbys.add(later);
        assertThat(find("needle", LOBBY)).isEqualTo(hits(lobbys));
        assertThat(indexFixture().reopen().lastIndexedId()).isEqualTo(8);
    }

    @Test
    default void concurrentAddsShouldLoseNothingAndEachBeSeenAtOnce() {
        List<ChatMessage> all = Collections.synchronizedList(new ArrayList<>());
        MessageIndex index = index();

        Concurrently.run(4, t -> {
            for (int i = 0; i < 25; i++) {
                long id = 1 + 1000L * t + 2L * i;
                // Each thread writes to both rooms; the word w<t>x<i> is this call's own.
                String body = "common w" + t + "x" + i;
                List<ChatMessage> call = List.of(message(i % 2 == 0 ? LOBBY : HALL, id, body),
                        message(LOBBY, id + 1, body));
                index.add(call);
                all.addAll(call);
                assertThat(index.search(Search.of("w" + t + "x" + i, LOBBY, HALL).query()))
                        .isEqualTo(new SearchHits(hits(call), true));
            }
        });

        List<ChatMessage> sorted = all.stream().sorted(Comparator.comparingLong(ChatMessage::id)).toList();
        assertThat(sorted).hasSize(200);
        assertThat(find("common", LOBBY, HALL)).isEqualTo(hits(sorted));
        assertThat(index.lastIndexedId()).isEqualTo(sorted.getLast().id());
    }
}
