package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.store.tck.ChatData.ALICE;
import static org.perch.store.tck.ChatData.T0;
import static org.perch.store.tck.ChatData.UNICODE;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perch.core.RoomId;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Retraction;

/**
 * What every {@link HistoryStore} must say about the size of each room's history ({@code contentSizes}, behind
 * Get-CsPersistentChatRoom -ChatContentExceedsMB). Bound through {@link HistoryStoreContract}.
 */
public interface HistorySizeContract {

    StoreFixture fixture();

    private HistoryStore history() {
        return fixture().store().history();
    }

    private RoomId room(String address) {
        return ChatData.newRoom(fixture().store(), address).id();
    }

    private static PostedMessage posted(RoomId room, String stanzaId, String body) {
        return new PostedMessage(room, stanzaId, T0, ALICE, "Alice", body, "<message><body>" + body
                + "</body></message>");
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    default void contentSizesShouldCountTheUtf8BytesOfBodiesAndPayloadsPerRoom() {
        RoomId lobby = room("lobby");
        RoomId hall = room("hall");
        PostedMessage plain = posted(lobby, "a", "hello");
        PostedMessage unicode = posted(lobby, "b", UNICODE);
        PostedMessage other = posted(hall, "c", "x");

        history().append(List.of(plain, unicode, other));

        assertThat(history().contentSizes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                lobby, utf8(plain.body()) + utf8(plain.payload()) + utf8(unicode.body()) + utf8(unicode.payload()),
                hall, utf8(other.body()) + utf8(other.payload())));
    }

    @Test
    default void contentSizesShouldLeaveOutRoomsWithoutMessagesAndCountTombstonesAsNothing() {
        RoomId lobby = room("lobby");
        room("empty");
        PostedMessage kept = posted(lobby, "kept", "still here");
        history().append(List.of(posted(lobby, "gone", "retracted text"), kept));

        history().retract(lobby, "gone", new Retraction(T0, ALICE, false, ""));

        assertThat(history().contentSizes()).containsExactlyEntriesOf(Map.of(lobby,
                utf8(kept.body()) + utf8(kept.payload())));
    }

    @Test
    default void contentSizesShouldBeEmptyWithoutHistory() {
        room("lobby");

        assertThat(history().contentSizes()).isEmpty();
    }
}
