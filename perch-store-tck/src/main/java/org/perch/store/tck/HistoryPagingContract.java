package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.store.tck.ChatData.ALICE;
import static org.perch.store.tck.ChatData.BOB;
import static org.perch.store.tck.ChatData.at;
import static org.perch.store.tck.ChatData.fill;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.core.RoomId;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryPage;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.HistoryStore;

/**
 * What every {@link HistoryStore} must do when asked for a page of history: filters, exclusive
 * {@code after}/{@code before} bounds, direction, and the {@code complete} flag. Bound through
 * {@link HistoryStoreContract}.
 */
public interface HistoryPagingContract {

    /** A fixture over fresh, empty data for the current test. */
    StoreFixture fixture();

    @AfterEach
    default void closeHistoryStoreFixture() {
        fixture().close();
    }

    private HistoryStore history() {
        return fixture().store().history();
    }

    private RoomId room(String address) {
        return ChatData.newRoom(fixture().store(), address).id();
    }

    private HistoryPage page(HistoryQuery query) {
        return history().query(query).orElseThrow();
    }

    private static List<String> stanzaIds(HistoryPage page) {
        return page.messages().stream().map(ChatMessage::stanzaId).toList();
    }

    @Test
    default void earliestShouldReturnTheFirstMessagesOldestFirst() {
        RoomId lobby = room("lobby");
        List<ChatMessage> all = fill(history(), lobby, 10);

        assertThat(page(HistoryQuery.earliest(lobby, 3))).isEqualTo(new HistoryPage(all.subList(0, 3), false));
        assertThat(page(HistoryQuery.earliest(lobby, 10))).isEqualTo(new HistoryPage(all, true));
        assertThat(page(HistoryQuery.earliest(lobby, 50))).isEqualTo(new HistoryPage(all, true));
    }

    @Test
    default void latestShouldReturnTheLastMessagesOldestFirst() {
        RoomId lobby = room("lobby");
        List<ChatMessage> all = fill(history(), lobby, 10);

        assertThat(page(HistoryQuery.latest(lobby, 3))).isEqualTo(new HistoryPage(all.subList(7, 10), false));
        assertThat(page(HistoryQuery.latest(lobby, 10))).isEqualTo(new HistoryPage(all, true));
        assertThat(page(HistoryQuery.latest(lobby, 50))).isEqualTo(new HistoryPage(all, true));
    }

    @Test
    default void pagingForwardWithAfterShouldReachEveryMessageExactlyOnce() {
        RoomId lobby = room("lobby");
        List<ChatMessage> all = fill(history(), lobby, 100);
        List<ChatMessage> seen = new ArrayList<>();

        HistoryPage p = page(HistoryQuery.earliest(lobby, 7));
        for (int pages = 1; !p.complete() && pages <= 100; pages++) {
            assertThat(p.messages()).hasSize(7);
            seen.addAll(p.messages());
            p = page(HistoryQuery.earliest(lobby, 7).after(p.messages().getLast().stanzaId()));
        }
        seen.addAll(p.messages());

        assertThat(seen).containsExactlyElementsOf(all);
    }

    @Test
    default void pagingBackwardWithBeforeShouldReachEveryMessageExactlyOnce() {
        RoomId lobby = room("lobby");
        List<ChatMessage> all = fill(history(), lobby, 100);
        List<ChatMessage> seen = new ArrayList<>();

        HistoryPage p = page(HistoryQuery.latest(lobby, 7));
        for (int pages = 1; !p.complete() && pages <= 100; pages++) {
            assertThat(p.messages()).hasSize(7);
            seen.addAll(0, p.messages());
            p = page(HistoryQuery.latest(lobby, 7).before(p.messages().getFirst().stanzaId()));
        }
        seen.addAll(0, p.messages());

        assertThat(seen).containsExactlyElementsOf(all);
    }

    @Test
    default void pagingThroughOneSendersMessagesShouldReachEachExactlyOnceInBothDirections() {
        RoomId lobby = room("lobby");
        List<ChatMessage> alices = fill(history(), lobby, 100).stream().filter(m -> m.sender().equals(ALICE))
                .toList();
        List<ChatMessage> forward = new ArrayList<>();
        List<ChatMessage> backward = new ArrayList<>();

        HistoryPage p = page(HistoryQuery.earliest(lobby, 6).withSender(ALICE));
        for (int pages = 1; !p.complete() && pages <= 100; pages++) {
            forward.addAll(p.messages());
            p = page(HistoryQuery.earliest(lobby, 6).withSender(ALICE).after(p.messages().getLast().stanzaId()));
        }
        forward.addAll(p.messages());
        p = page(HistoryQuery.latest(lobby, 6).withSender(ALICE));
        for (int pages = 1; !p.complete() && pages <= 100; pages++) {
            backward.addAll(0, p.messages());
            p = page(HistoryQuery.latest(lobby, 6).withSender(ALICE).before(p.messages().getFirst().stanzaId()));
        }
        backward.addAll(0, p.messages());

        assertThat(forward).hasSize(50).containsExactlyElementsOf(alices);
        assertThat(backward).containsExactlyElementsOf(alices);
    }

    @Test
    default void afterAndBeforeShouldBoundTheSelectionExclusively() {
        RoomId lobby = room("lobby");
        fill(history(), lobby, 10);

        assertThat(page(HistoryQuery.earliest(lobby, 10).after("msg-2").before("msg-7")))
                .satisfies(p -> assertThat(stanzaIds(p)).containsExactly("msg-3", "msg-4", "msg-5", "msg-6"))
                .satisfies(p -> assertThat(p.complete()).isTrue());
        assertThat(page(HistoryQuery.latest(lobby, 2).after("msg-2").before("msg-7")))
                .satisfies(p -> assertThat(stanzaIds(p)).containsExactly("msg-5", "msg-6"))
                .satisfies(p -> assertThat(p.complete()).isFalse());
        assertThat(page(HistoryQuery.earliest(lobby, 2).after("msg-2").before("msg-7")))
                .satisfies(p -> assertThat(stanzaIds(p)).containsExactly("msg-3", "msg-4"))
                .satisfies(p -> assertThat(p.complete()).isFalse());
    }

    @Test
    default void aPageBeyondTheEndShouldBeEmptyAndComplete() {
        RoomId lobby = room("lobby");
        fill(history(), lobby, 10);

        assertThat(page(HistoryQuery.earliest(lobby, 5).after("msg-9"))).isEqualTo(new HistoryPage(List.of(), true));
        assertThat(page(HistoryQuery.latest(lobby, 5).before("msg-0"))).isEqualTo(new HistoryPage(List.of(), true));
    }

    @Test
    default void afterOrBeforeAStanzaIdNotInTheRoomShouldGiveNoPage() {
        RoomId lobby = room("lobby");
        RoomId hall = room("hall");
        fill(history(), lobby, 5);
        history().append(List.of(ChatData.message(hall, 99)));

        assertThat(history().query(HistoryQuery.earliest(lobby, 5).after("nope"))).isEmpty();
        assertThat(history().query(HistoryQuery.latest(lobby, 5).before("nope"))).isEmpty();
        assertThat(history().query(HistoryQuery.earliest(lobby, 5).after("msg-1").before("nope"))).isEmpty();
        assertThat(history().query(HistoryQuery.earliest(lobby, 5).after("msg-99"))).isEmpty();
    }

    @Test
    default void startAndEndShouldSelectByTimestampInclusively() {
        RoomId lobby = room("lobby");
        fill(history(), lobby, 10);

        assertThat(stanzaIds(page(HistoryQuery.earliest(lobby, 10).withStart(at(3)).withEnd(at(6)))))
                .containsExactly("msg-3", "msg-4", "msg-5", "msg-6");
        assertThat(stanzaIds(page(HistoryQuery.earliest(lobby, 10).withStart(at(3).plusMillis(1))
                .withEnd(at(6).minusMillis(1))))).containsExactly("msg-4", "msg-5");
        assertThat(stanzaIds(page(HistoryQuery.latest(lobby, 10).withStart(at(8))))).containsExactly("msg-8", "msg-9");
        assertThat(stanzaIds(page(HistoryQuery.earliest(lobby, 10).withEnd(at(1))))).containsExactly("msg-0", "msg-1");
    }

    @Test
    default void withShouldSelectTheMessagesOfOneSender() {
        RoomId lobby = room("lobby");
        fill(history(), lobby, 6);

        assertThat(stanzaIds(page(HistoryQuery.earliest(lobby, 10).withSender(BOB))))
                .containsExactly("msg-1", "msg-3", "msg-5");
        assertThat(stanzaIds(page(HistoryQuery.latest(lobby, 10).withSender(ALICE.withResource("phone")))))
                .containsExactly("msg-0", "msg-2", "msg-4");
        assertThat(page(HistoryQuery.earliest(lobby, 10).withSender(TestData.jid("carol"))))
                .isEqualTo(new HistoryPage(List.of(), true));
    }

    @Test
    default void idsShouldSelectTheNamedMessagesInHistoryOrder() {
        RoomId lobby = room("lobby");
        fill(history(), lobby, 10);

        assertThat(page(HistoryQuery.earliest(lobby, 10).withIds(List.of("msg-7", "msg-2", "nope", "msg-4"))))
                .satisfies(p -> assertThat(stanzaIds(p)).containsExactly("msg-2", "msg-4", "msg-7"))
                .satisfies(p -> assertThat(p.complete()).isTrue());
        assertThat(stanzaIds(page(HistoryQuery.latest(lobby, 1).withIds(List.of("msg-7", "msg-2")))))
                .containsExactly("msg-7");
    }

    @Test
    default void filtersAndBoundsShouldCombine() {
        RoomId lobby = room("lobby");
        fill(history(), lobby, 10);
        HistoryQuery bobsFromTwo = HistoryQuery.latest(lobby, 2).withStart(at(2)).withSender(BOB).after("msg-3");

        assertThat(page(bobsFromTwo))
                .satisfies(p -> assertThat(stanzaIds(p)).containsExactly("msg-7", "msg-9"))
                .satisfies(p -> assertThat(p.complete()).isFalse());
        assertThat(page(bobsFromTwo.before("msg-7")))
                .satisfies(p -> assertThat(stanzaIds(p)).containsExactly("msg-5"))
                .satisfies(p -> assertThat(p.complete()).isTrue());
    }

    @Test
    default void completeShouldBeTrueWhenTheSelectionHoldsExactlyMaxMessages() {
        RoomId lobby = room("lobby");
        fill(history(), lobby, 10);

        assertThat(page(HistoryQuery.earliest(lobby, 5).withSender(ALICE)).complete()).isTrue();
        assertThat(page(HistoryQuery.latest(lobby, 5).withSender(ALICE)).complete()).isTrue();
        assertThat(page(HistoryQuery.earliest(lobby, 4).withSender(ALICE)).complete()).isFalse();
        assertThat(page(HistoryQuery.latest(lobby, 4).withSender(ALICE)).complete()).isFalse();
    }

    @Test
    default void maxZeroShouldGiveAnEmptyPageThatIsCompleteOnlyIfNothingMatches() {
        RoomId lobby = room("lobby");
        fill(history(), lobby, 3);

        assertThat(page(HistoryQuery.earliest(lobby, 0))).isEqualTo(new HistoryPage(List.of(), false));
        assertThat(page(HistoryQuery.latest(lobby, 0))).isEqualTo(new HistoryPage(List.of(), false));
        assertThat(page(HistoryQuery.latest(lobby, 0).after("msg-2"))).isEqualTo(new HistoryPage(List.of(), true));
    }

    @Test
    default void aRoomWithoutMessagesShouldGiveAnEmptyCompletePage() {
        RoomId lobby = room("lobby");

        assertThat(page(HistoryQuery.earliest(lobby, 10))).isEqualTo(new HistoryPage(List.of(), true));
        assertThat(page(HistoryQuery.latest(lobby, 10))).isEqualTo(new HistoryPage(List.of(), true));
    }

    @Test
    default void messagesOfOtherRoomsShouldNeverAppear() {
        RoomId lobby = room("lobby");
        RoomId hall = room("hall");
        List<ChatMessage> lobbys = new ArrayList<>();
        // Interleaved, with the same stanza ids in both rooms.
        for (int n = 0; n < 10; n++) {
            lobbys.addAll(history().append(List.of(ChatData.message(lobby, n))));
            history().append(List.of(ChatData.message(hall, n)));
        }

        assertThat(page(HistoryQuery.earliest(lobby, 20))).isEqualTo(new HistoryPage(lobbys, true));
        assertThat(page(HistoryQuery.latest(lobby, 3).before("msg-5")).messages())
                .containsExactlyElementsOf(lobbys.subList(2, 5));
        assertThat(page(HistoryQuery.earliest(lobby, 20).withSender(ALICE).withIds(List.of("msg-2", "msg-4")))
                .messages()).containsExactly(lobbys.get(2), lobbys.get(4));
        assertThat(page(HistoryQuery.earliest(lobby, 20).withStart(at(8))).messages())
                .containsExactlyElementsOf(lobbys.subList(8, 10));
    }
}
