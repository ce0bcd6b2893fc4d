package org.perch.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.domain.chat.ChatFixture.CAROL;
import static org.perch.domain.chat.ChatFixture.MARY;
import static org.perch.domain.chat.ChatFixture.MIKE;
import static org.perch.domain.chat.ChatFixture.ROOT;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.domain.chat.MessageSelection.Match;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Room;

/** Remove-CsPersistentChatMessage: who, which messages, and what is left of them. */
class ChatRoomsMessageRemovalTest {

    private final ChatFixture f = new ChatFixture();
    private final Room room = f.room("desk", "Desk");

    ChatRoomsMessageRemovalTest() {
        post("m1", MARY, "2026-01-01T09:00:00Z", "The Budget is final");
        post("m2", MIKE, "2026-01-02T09:00:00Z", "budget numbers attached");
        post("m3", MARY, "2026-01-03T09:00:00Z", "lunch anyone?");
        post("m4", MARY, "2026-01-04T09:00:00Z", "final numbers for the budget");
    }

    @Test
    void selectedMessagesShouldBecomeTombstonesWithLyncsTextByDefault() {
        int removed = f.chat.removeMessages(ROOT, room.id(), selection(Optional.of(MARY), "budget", Match.ALL,
                false), false, Optional.empty());

        assertThat(removed).isEqualTo(2);
        assertThat(message("m1").retraction().orElseThrow().reason()).isEqualTo(MessageRemoval.DEFAULT_REPLACEMENT);
        assertThat(message("m1").body()).isEmpty();
        assertThat(message("m4").retracted()).isTrue();
        assertThat(message("m2").retracted()).as("Mike's").isFalse();
        assertThat(f.events).containsExactly(new RoomEvent.MessagesRemoved(room, List.of("m1", "m4"),
                Optional.of(MessageRemoval.DEFAULT_REPLACEMENT)));
    }

    @Test
    void theMatchClauseAndCaseShouldDecideWhichTextsMatch() {
        assertThat(ids(selection(Optional.empty(), "budget final", Match.ALL, false))).containsExactly("m1", "m4");
        assertThat(ids(selection(Optional.empty(), "lunch final", Match.ANY, false)))
                .containsExactly("m1", "m3", "m4");
        assertThat(ids(selection(Optional.empty(), "budget is final", Match.EXACT, false))).containsExactly("m1");
        assertThat(ids(selection(Optional.empty(), "Budget", Match.ALL, true))).containsExactly("m1");
    }

    @Test
    void datesShouldBoundTheSelectionInclusivelyAndRemoveShouldDelete() {
        MessageSelection days = new MessageSelection(Optional.empty(), Optional.empty(), Match.ALL, false,
                Optional.of(Instant.parse("2026-01-02T09:00:00Z")), Optional.of(Instant.parse("2026-01-03T09:00:00Z")));

        int removed = f.chat.removeMessages(ROOT, room.id(), days, true, Optional.empty());

        assertThat(removed).isEqualTo(2);
        assertThat(remaining()).containsExactly("m1", "m4");
        assertThat(f.events).containsExactly(new RoomEvent.MessagesRemoved(room, List.of("m2", "m3"),
                Optional.empty()));
    }

    @Test
    void aGivenReplacementShouldBeKeptAndMistakesRefused() {
        f.chat.removeMessages(ROOT, room.id(), selection(Optional.empty(), "lunch", Match.ALL, false), false,
                Optional.of("Removed: off topic"));
        assertThat(message("m3").retraction().orElseThrow().reason()).isEqualTo("Removed: off topic");

        MessageSelection any = selection(Optional.of(MIKE), "budget", Match.ALL, false);
        ChatFixture.refused(() -> f.chat.removeMessages(CAROL, room.id(), any, false, Optional.empty()),
                Reason.FORBIDDEN).hasMessage("only administrators may remove messages");
        ChatFixture.refused(() -> f.chat.removeMessages(ROOT, room.id(), any, true, Optional.of("x")),
                Reason.INVALID);
        ChatFixture.refused(() -> f.chat.removeMessages(ROOT, room.id(), any, false, Optional.of("  ")),
                Reason.INVALID);
        ChatFixture.refused(() -> f.chat.removeMessages(ROOT, room.id(), any, false, Optional.of("x".repeat(1025))),
                Reason.INVALID).hasMessageContaining("at most 1024");
        assertThat(message("m2").retracted()).isFalse();
    }

    @Test
    void aSelectionShouldNameAtLeastOneCriterion() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MessageSelection(Optional.empty(),
                Optional.empty(), Match.ALL, false, Optional.empty(), Optional.empty()))
                .hasMessageContaining("say which messages");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MessageSelection(Optional.empty(),
                Optional.empty(), Match.ALL, false, Optional.of(Instant.parse("2026-02-01T00:00:00Z")),
                Optional.of(Instant.parse("2026-01-01T00:00:00Z"))))
                .hasMessageContaining("is after the end date");
    }

    private List<String> ids(MessageSelection selection) {
        return new MessageRemoval(f.store.history(), ChatFixture.CLOCK).select(room, selection, false).stream()
                .map(ChatMessage::stanzaId).toList();
    }

    private static MessageSelection selection(Optional<Jid> user, String text, Match match, boolean caseSensitive) {
        return new MessageSelection(user, Optional.of(text), match, caseSensitive, Optional.empty(),
                Optional.empty());
    }

    private void post(String id, Jid sender, String at, String body) {
        f.store.history().append(List.of(new PostedMessage(room.id(), id, Instant.parse(at), sender,
                sender.local(), body, "<message/>")));
    }

    private ChatMessage message(String id) {
        return f.store.history().find(room.id(), id).orElseThrow();
    }

    private List<String> remaining() {
        return f.store.history().query(HistoryQuery.earliest(room.id(), 100)).orElseThrow().messages().stream()
                .map(ChatMessage::stanzaId).toList();
    }
}
