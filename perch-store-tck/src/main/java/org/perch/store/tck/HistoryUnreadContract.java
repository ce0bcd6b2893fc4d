package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.store.tck.ChatData.ALICE;
import static org.perch.store.tck.ChatData.T0;
import static org.perch.store.tck.ChatData.fill;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perch.core.RoomId;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.Retraction;
import org.perch.store.chat.UnreadCount;

/**
 * What every {@link HistoryStore} must say about the messages after a reader's marker ({@code countAfter}, behind
 * the followed-rooms query's unread counts). Bound through {@link HistoryStoreContract}.
 */
public interface HistoryUnreadContract {

    StoreFixture fixture();

    private HistoryStore history() {
        return fixture().store().history();
    }

    private RoomId room(String address) {
        return ChatData.newRoom(fixture().store(), address).id();
    }

    @Test
    default void countAfterShouldCountTheMessagesAfterTheMarkerAndNameTheNewest() {
        RoomId lobby = room("lobby");
        RoomId other = room("other");
        fill(history(), lobby, 10);
        fill(history(), other, 20);

        assertThat(history().countAfter(lobby, Optional.of("msg-6"), 100))
                .contains(new UnreadCount(3, false, Optional.of("msg-9")));
        assertThat(history().countAfter(lobby, Optional.of("msg-9"), 100))
                .contains(new UnreadCount(0, false, Optional.of("msg-9")));
        assertThat(history().countAfter(lobby, Optional.empty(), 100))
                .contains(new UnreadCount(10, false, Optional.of("msg-9")));
    }

    @Test
    default void countAfterShouldStopAtTheCapAndSaySo() {
        RoomId lobby = room("lobby");
        fill(history(), lobby, 30);

        assertThat(history().countAfter(lobby, Optional.of("msg-4"), 25))
                .contains(new UnreadCount(25, false, Optional.of("msg-29")));
        assertThat(history().countAfter(lobby, Optional.of("msg-3"), 25))
                .contains(new UnreadCount(25, true, Optional.of("msg-29")));
        assertThat(history().countAfter(lobby, Optional.empty(), 5))
                .contains(new UnreadCount(5, true, Optional.of("msg-29")));
    }

    @Test
    default void countAfterShouldNotCountTombstones() {
        RoomId lobby = room("lobby");
        fill(history(), lobby, 5);
        history().retract(lobby, "msg-3", new Retraction(T0, ALICE, false, ""));

        assertThat(history().countAfter(lobby, Optional.of("msg-1"), 100))
                .contains(new UnreadCount(2, false, Optional.of("msg-4")));
    }

    @Test
    default void countAfterAMarkerTheRoomDoesNotHoldShouldBeEmpty() {
        RoomId lobby = room("lobby");
        RoomId other = room("other");
        fill(history(), lobby, 3);
        history().append(java.util.List.of(ChatData.message(other, 7)));

        assertThat(history().countAfter(lobby, Optional.of("msg-7"), 100)).isEmpty();
        assertThat(history().countAfter(lobby, Optional.of("nonexistent"), 100)).isEmpty();
    }

    @Test
    default void countAfterInAnEmptyRoomShouldBeZeroWithNoNewest() {
        RoomId lobby = room("lobby");

        assertThat(history().countAfter(lobby, Optional.empty(), 100))
                .contains(new UnreadCount(0, false, Optional.empty()));
    }
}
