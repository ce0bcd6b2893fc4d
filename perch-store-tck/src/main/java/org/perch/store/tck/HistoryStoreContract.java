package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.perch.store.tck.ChatData.ALICE;
import static org.perch.store.tck.ChatData.BOB;
import static org.perch.store.tck.ChatData.T0;
import static org.perch.store.tck.ChatData.UNICODE;
import static org.perch.store.tck.ChatData.fill;
import static org.perch.store.tck.ChatData.message;
import static org.perch.store.tck.ChatData.messages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.StoreException;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Retraction;

/**
 * What every {@link HistoryStore} must do when storing, finding and retracting messages. The paging rules are
 * in {@link HistoryPagingContract}, the size of each room's history in {@link HistorySizeContract} and the counts
 * after a marker in {@link HistoryUnreadContract}, which this
 * extends, so one binding runs them all.
 */
public interface HistoryStoreContract extends HistoryPagingContract, HistorySizeContract, HistoryUnreadContract {

    private HistoryStore history() {
        return fixture().store().history();
    }

    private RoomId room(String address) {
        return ChatData.newRoom(fixture().store(), address).id();
    }

    private List<ChatMessage> everything(RoomId room) {
        return history().query(HistoryQuery.earliest(room, 10_000)).orElseThrow().messages();
    }

    private static List<Long> ids(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::id).toList();
    }

    @Test
    default void purgeShouldDeleteTheRoomsMessagesUpToTheInstantInclusiveAndNothingElse() {
        RoomId lobby = room("lobby");
        RoomId other = room("other");
        List<ChatMessage> stored = history().append(messages(lobby, 0, 6));
        history().append(messages(other, 0, 3));
        history().retract(lobby, "msg-1", new org.perch.store.chat.Retraction(ChatData.T0, ChatData.ALICE, false,
                ""));

        List<String> purged = history().purge(lobby, ChatData.at(2));

        assertThat(purged).containsExactlyInAnyOrder("msg-0", "msg-1", "msg-2");
        assertThat(everything(lobby)).extracting(ChatMessage::stanzaId).containsExactly("msg-3", "msg-4", "msg-5");
        assertThat(history().find(lobby, "msg-2")).isEmpty();
        assertThat(everything(other)).hasSize(3);
        assertThat(history().query(HistoryQuery.latest(lobby, 2)).orElseThrow().messages())
                .extracting(ChatMessage::stanzaId).containsExactly("msg-4", "msg-5");
        assertThat(history().since(0, 100)).extracting(ChatMessage::id).doesNotContain(stored.get(0).id());
        assertThat(history().purge(lobby, ChatData.at(2))).isEmpty();
    }

    @Test
    default void deleteShouldRemoveOnlyTheNamedMessagesOfTheRoom() {
        RoomId lobby = room("lobby");
        RoomId other = room("other");
        history().append(messages(lobby, 0, 5));
        history().append(messages(other, 0, 3));
        history().retract(lobby, "msg-3", new org.perch.store.chat.Retraction(ChatData.T0, ChatData.ALICE, true,
                "gone"));

        int deleted = history().delete(lobby, List.of("msg-1", "msg-3", "msg-9"));

        assertThat(deleted).isEqualTo(2);
        assertThat(everything(lobby)).extracting(ChatMessage::stanzaId).containsExactly("msg-0", "msg-2", "msg-4");
        assertThat(everything(other)).extracting(ChatMessage::stanzaId).containsExactly("msg-0", "msg-1", "msg-2");
        assertThat(history().find(lobby, "msg-1")).isEmpty();
        assertThat(history().find(lobby, "msg-2")).isPresent();
        assertThat(history().delete(lobby, List.of("msg-1"))).isZero();
    }

    @Test
    default void appendShouldStoreTheMessagesWithIncreasingIdsInListOrder() {
        RoomId lobby = room("lobby");
        List<PostedMessage> posted = messages(lobby, 0, 5);

        List<ChatMessage> stored = history().append(posted);

        assertThat(stored).hasSize(5);
        assertThat(ids(stored)).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i < 5; i++) {
            assertThat(stored.get(i)).isEqualTo(ChatMessage.stored(stored.get(i).id(), posted.get(i)));
        }
        assertThat(everything(lobby)).containsExactlyElementsOf(stored);
    }

    @Test
    default void laterAppendsShouldGetLargerIds() {
        RoomId lobby = room("lobby");
        RoomId hall = room("hall");
        List<ChatMessage> stored = new ArrayList<>();

        stored.addAll(history().append(messages(lobby, 0, 2)));
        stored.addAll(history().append(messages(hall, 0, 2)));
        stored.addAll(history().append(messages(lobby, 2, 4)));

        assertThat(ids(stored)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    default void sinceShouldPageThroughEveryRoomInIdOrder() {
        RoomId lobby = room("lobby");
        RoomId hall = room("hall");
        List<ChatMessage> stored = new ArrayList<>();
        stored.addAll(history().append(messages(lobby, 0, 3)));
        stored.addAll(history().append(messages(hall, 0, 3)));
        stored.addAll(history().append(messages(lobby, 3, 5)));

        List<ChatMessage> seen = new ArrayList<>();
        long after = 0;
        List<ChatMessage> page;
        while (!(page = history().since(after, 3)).isEmpty()) {
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            seen.addAll(page);
            after = page.getLast().id();
        }

        assertThat(seen).containsExactlyElementsOf(stored);
        assertThat(history().since(stored.get(5).id(), 10)).containsExactlyElementsOf(stored.subList(6, 8));
    }

    @Test
    default void lastIdShouldBeTheNewestMessageOfAnyRoom() {
        assertThat(history().lastId()).isZero();
        history().append(messages(room("lobby"), 0, 2));
        List<ChatMessage> newest = history().append(messages(room("hall"), 0, 1));

        assertThat(history().lastId()).isEqualTo(newest.getLast().id());
    }

    @Test
    default void oneAppendShouldFileMessagesForSeveralRoomsEachInItsRoom() {
        RoomId lobby = room("lobby");
        RoomId hall = room("hall");

        List<ChatMessage> stored = history().append(List.of(message(lobby, 0), message(hall, 0), message(lobby, 1)));

        assertThat(ids(stored)).isSorted().doesNotHaveDuplicates();
        assertThat(everything(lobby)).containsExactly(stored.get(0), stored.get(2));
        assertThat(everything(hall)).containsExactly(stored.get(1));
    }

    @Test
    default void appendOfNoMessagesShouldStoreNothing() {
        RoomId lobby = room("lobby");

        assertThat(history().append(List.of())).isEmpty();

        assertThat(everything(lobby)).isEmpty();
    }

    @Test
    default void aStanzaIdRepeatedInOneBatchShouldFailTheWholeBatch() {
        RoomId lobby = room("lobby");
        List<ChatMessage> before = history().append(List.of(message(lobby, 0)));
        List<PostedMessage> batch = List.of(message(lobby, 1), message(lobby, 2), message(lobby, 1));

        assertThatThrownBy(() -> history().append(batch)).isInstanceOf(StoreException.class);

        assertThat(everything(lobby)).isEqualTo(before);
        List<ChatMessage> retried = history().append(batch.subList(0, 2));
        assertThat(retried.getFirst().id()).isGreaterThan(before.getFirst().id());
        assertThat(everything(lobby)).hasSize(3);
    }

    @Test
    default void aStanzaIdAlreadyUsedInTheRoomShouldFailTheWholeBatch() {
        RoomId lobby = room("lobby");
        List<ChatMessage> before = fill(history(), lobby, 3);
        PostedMessage again = new PostedMessage(lobby, "msg-1", T0, BOB, "Bob", "a second msg-1", "<message/>");

        assertThatThrownBy(() -> history().append(List.of(message(lobby, 3), again)))
                .isInstanceOf(StoreException.class);

        assertThat(everything(lobby)).isEqualTo(before);
        assertThat(history().find(lobby, "msg-3")).isEmpty();
    }

    @Test
    default void theSameStanzaIdShouldBeUsableInDifferentRooms() {
        RoomId lobby = room("lobby");
        RoomId hall = room("hall");
        ChatMessage inLobby = history().append(List.of(message(lobby, 0))).getFirst();

        ChatMessage inHall = history().append(List.of(message(hall, 0))).getFirst();

        assertThat(history().find(lobby, "msg-0")).contains(inLobby);
        assertThat(history().find(hall, "msg-0")).contains(inHall);
    }

    @Test
    default void appendToAMissingRoomShouldFailTheWholeBatch() {
        RoomId lobby = room("lobby");
        RoomId missing = RoomId.random();

        assertThatThrownBy(() -> history().append(List.of(message(lobby, 0), message(missing, 1))))
                .isInstanceOf(StoreException.class);
        fixture().store().rooms().delete(lobby);
        assertThatThrownBy(() -> history().append(List.of(message(lobby, 2))))
                .isInstanceOf(StoreException.class);

        assertThat(history().find(lobby, "msg-0")).isEmpty();
        assertThat(history().find(missing, "msg-1")).isEmpty();
    }

    @Test
    default void everyFieldShouldRoundTripExactly() {
        RoomId lobby = room("lobby");
        List<PostedMessage> posted = List.of(
                new PostedMessage(lobby, "unicode", T0, Jid.bare("李小龍", "exämple.org"), "Ünïcødé 😀 نِك",
                        UNICODE + "\nsecond line\ttab",
                        "<message xml:lang='ar'><body>" + UNICODE + "</body></message>"),
                new PostedMessage(lobby, "empty-body", T0.plusMillis(1), ALICE, "", "", ""),
                new PostedMessage(lobby, "quotes", T0.minusSeconds(86_400 * 365), BOB, "Bob \"the\" 'builder'",
                        "back\\slash; DROP TABLE chat_message; --", "<m a=\"1\" b='2'>&amp;&lt;</m>"),
                new PostedMessage(lobby, "x".repeat(64), T0.plusSeconds(1), ALICE, "Alice", "long ".repeat(20_000),
                        "<message><body>" + "long ".repeat(20_000) + "</body></message>"));

        List<ChatMessage> stored = history().append(posted);

        for (ChatMessage m : stored) {
            assertThat(history().find(lobby, m.stanzaId())).contains(m);
        }
        assertThat(everything(lobby)).containsExactlyElementsOf(stored);
        assertThat(stored.get(0).timestamp()).isEqualTo(T0);
    }

    @Test
    default void findShouldLookUpAStanzaIdWithinItsRoomOnly() {
        RoomId lobby = room("lobby");
        RoomId hall = room("hall");
        List<ChatMessage> stored = fill(history(), lobby, 3);

        assertThat(history().find(lobby, "msg-1")).contains(stored.get(1));
        assertThat(history().find(lobby, "nope")).isEmpty();
        assertThat(history().find(hall, "msg-1")).isEmpty();
    }

    @Test
    default void retractShouldLeaveATombstoneInTheMessagesPlace() {
        RoomId lobby = room("lobby");
        List<ChatMessage> stored = fill(history(), lobby, 5);
        Retraction moderated = new Retraction(T0.plusSeconds(3600), BOB.withResource("laptop"), true, "spam ✋");

        assertThat(history().retract(lobby, "msg-2", moderated)).isTrue();

        ChatMessage tombstone = stored.get(2).retractedBy(moderated);
        assertThat(tombstone.body()).isEmpty();
        assertThat(tombstone.payload()).isEmpty();
        assertThat(history().find(lobby, "msg-2")).contains(tombstone);
        List<ChatMessage> expected = new ArrayList<>(stored);
        expected.set(2, tombstone);
        assertThat(everything(lobby)).containsExactlyElementsOf(expected);
    }

    @Test
    default void retractShouldKeepWhetherTheAuthorOrAModeratorRetractedAndWhy() {
        RoomId lobby = room("lobby");
        List<ChatMessage> stored = fill(history(), lobby, 2);
        Retraction byAuthor = new Retraction(T0.plusMillis(5), ALICE, false, "");
        Retraction byModerator = new Retraction(T0.plusMillis(7), BOB, true, "off topic");

        history().retract(lobby, "msg-0", byAuthor);
        history().retract(lobby, "msg-1", byModerator);

        assertThat(everything(lobby)).containsExactly(stored.get(0).retractedBy(byAuthor),
                stored.get(1).retractedBy(byModerator));
    }

    @Test
    default void retractShouldReturnFalseForAMessageTheRoomDoesNotHave() {
        RoomId lobby = room("lobby");
        RoomId hall = room("hall");
        List<ChatMessage> inHall = history().append(List.of(message(hall, 7)));
        Retraction r = new Retraction(T0, ALICE, false, "");

        assertThat(history().retract(lobby, "nope", r)).isFalse();
        assertThat(history().retract(lobby, "msg-7", r)).isFalse();

        assertThat(everything(hall)).isEqualTo(inHall);
        assertThat(everything(lobby)).isEmpty();
    }

    @Test
    default void concurrentAppendsToOneRoomShouldLoseNothing() {
        RoomId lobby = room("lobby");
        List<List<ChatMessage>> calls = Collections.synchronizedList(new ArrayList<>());
        HistoryStore history = history();

        Concurrently.run(4, t -> {
            for (int i = 0; i < 25; i++) {
                int n = 1000 * t + 2 * i;
                calls.add(history.append(List.of(message(lobby, n), message(lobby, n + 1))));
            }
        });

        List<ChatMessage> all = calls.stream().flatMap(List::stream).toList();
        calls.forEach(call -> assertThat(ids(call)).isSorted().doesNotHaveDuplicates());
        assertThat(ids(all)).hasSize(200).doesNotHaveDuplicates();
        assertThat(everything(lobby)).containsExactlyInAnyOrderElementsOf(all);
        assertThat(ids(everything(lobby))).isSorted();
    }

    @Test
    default void concurrentAppendsToManyRoomsShouldLoseNothing() {
        List<RoomId> rooms = Stream.of("r0", "r1", "r2", "r3").map(this::room).toList();
        List<ChatMessage> all = Collections.synchronizedList(new ArrayList<>());
        HistoryStore history = history();

        Concurrently.run(4, t -> {
            for (int i = 0; i < 25; i++) {
                // Each thread writes to every room, starting with its own, so every room sees all four writers.
                all.addAll(history.append(List.of(message(rooms.get((t + i) % 4), 1000 * t + i))));
            }
        });

        assertThat(ids(all)).hasSize(100).doesNotHaveDuplicates();
        for (RoomId room : rooms) {
            List<ChatMessage> expected = all.stream().filter(m -> m.room().equals(room)).toList();
            assertThat(everything(room)).hasSize(25).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(ids(everything(room))).isSorted();
        }
    }

    @Test
    default void historyShouldSurviveARestart() {
        assumeThat(fixture().has(StoreCapability.DURABLE)).as("backend is durable").isTrue();
        RoomId lobby = room("lobby");
        List<ChatMessage> stored = new ArrayList<>(fill(history(), lobby, 5));
        Retraction r = new Retraction(T0.plusSeconds(60), ALICE, true, "gone");
        history().retract(lobby, "msg-3", r);
        stored.set(3, stored.get(3).retractedBy(r));

        HistoryStore reopened = fixture().reopen().history();

        assertThat(reopened.query(HistoryQuery.earliest(lobby, 100)).orElseThrow().messages())
                .containsExactlyElementsOf(stored);
        assertThat(reopened.find(lobby, "msg-4")).contains(stored.get(4));
        assertThat(reopened.append(List.of(message(lobby, 5))).getFirst().id()).isGreaterThan(stored.get(4).id());
        assertThatThrownBy(() -> reopened.append(List.of(message(lobby, 0)))).isInstanceOf(StoreException.class);
    }
}
