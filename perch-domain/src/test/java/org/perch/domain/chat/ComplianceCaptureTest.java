package org.perch.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.domain.chat.ChatFixture.CAROL;
import static org.perch.domain.chat.ChatFixture.CLOCK;
import static org.perch.domain.chat.ChatFixture.MARY;
import static org.perch.domain.chat.ChatFixture.ROOT;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Room;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceEventType;
import org.perch.store.compliance.OutboxEntry;

/** What the compliance capture writes to the outbox, and that it writes nothing a failed change did not do. */
class ComplianceCaptureTest {

    private final ChatFixture f = new ChatFixture();

    ComplianceCaptureTest() {
        f.chat.compliance().enable(true);
    }

    @Test
    void roomChangesShouldBeRecordedWithWhoMadeThemAndRolesApart() {
        Room room = f.chat.createRoom(CAROL, f.trading.id(), "desk", "Desk");
        f.chat.updateRoom(CAROL, room.id(), r -> r.withDescription("rates").withRoles(
                r.roles().withMembers(ChatFixture.users(MARY))));

        List<ComplianceEvent> events = waiting();

        assertThat(events).extracting(ComplianceEvent::type).containsExactly(ComplianceEventType.ROOM_CREATED,
                ComplianceEventType.ROOM_CHANGED, ComplianceEventType.ROLES_CHANGED);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(CAROL);
            assertThat(e.room().orElseThrow().address()).isEqualTo("desk");
        });
        assertThat(events.get(1).content()).contains("description=rates");
        assertThat(events.get(2).content()).contains("members=[user:mary@example.org]");
    }

    @Test
    void aRefusedChangeShouldLeaveNoEvent() {
        Room room = f.chat.createRoom(CAROL, f.trading.id(), "desk", "Desk");
        long before = f.store.outbox().size();

        ChatFixture.refused(() -> f.chat.updateRoom(MARY, room.id(), r -> r.withDescription("mine now")),
                Reason.FORBIDDEN);

        assertThat(f.store.outbox().size()).isEqualTo(before);
    }

    @Test
    void postsRetractionsAndJoinsShouldBeRecorded() {
        Room room = f.room("desk", "Desk");
        f.store.outbox().remove(f.store.outbox().oldest(100));
        List<ChatMessage> stored = f.chat.capturedHistory().append(List.of(new PostedMessage(room.id(), "s1",
                Instant.parse("2026-01-01T09:00:00Z"), MARY, "mary", "hello auditors", "<message/>")));
        new RoomModeration(f.chat, f.chat.capturedHistory(), CLOCK, e -> { }).retract(CAROL, room, "s1", true,
                "off topic");
        f.chat.compliance().joined(MARY, room);
        f.chat.compliance().parted(MARY, room);

        List<ComplianceEvent> events = waiting();

        assertThat(stored).hasSize(1);
        assertThat(events).extracting(ComplianceEvent::type).containsExactly(ComplianceEventType.CHAT,
                ComplianceEventType.CHAT_REMOVED, ComplianceEventType.JOIN, ComplianceEventType.PART);
        assertThat(events.get(0).content()).isEqualTo("hello auditors");
        assertThat(events.get(0).messageId()).contains("s1");
        assertThat(events.get(0).at()).isEqualTo(Instant.parse("2026-01-01T09:00:00Z"));
        assertThat(events.get(1).actor()).isEqualTo(CAROL);
        assertThat(events.get(1).content()).isEqualTo("off topic");
    }

    @Test
    void removalsShouldRecordEachMessageAndClearingThePurge() {
        Room room = f.room("desk", "Desk");
        f.chat.capturedHistory().append(List.of(
                new PostedMessage(room.id(), "s1", Instant.parse("2026-01-01T09:00:00Z"), MARY, "mary", "a", "<m/>"),
                new PostedMessage(room.id(), "s2", Instant.parse("2026-01-02T09:00:00Z"), MARY, "mary", "b", "<m/>")));
        f.store.outbox().remove(f.store.outbox().oldest(100));

        f.chat.removeMessages(ROOT, room.id(), new MessageSelection(Optional.empty(), Optional.of("a"),
                MessageSelection.Match.ALL, false, Optional.empty(), Optional.empty()), false, Optional.empty());
        f.chat.clearHistory(ROOT, room.id(), Instant.parse("2026-01-03T00:00:00Z"));

        List<ComplianceEvent> events = waiting();
        assertThat(events).extracting(ComplianceEvent::type).containsExactly(ComplianceEventType.CHAT_REMOVED,
                ComplianceEventType.CHAT_PURGED);
        assertThat(events.get(0).content()).isEqualTo(MessageRemoval.DEFAULT_REPLACEMENT);
        assertThat(events.get(1).content()).isEqualTo("cleared 2 messages");
        assertThat(events).allSatisfy(e -> assertThat(e.actor()).isEqualTo(ROOT));
    }

    @Test
    void aPostAfterARenameShouldNameTheRoomAsItIsNow() {
        Room room = f.room("desk", "Desk");
        f.chat.capturedHistory().append(List.of(new PostedMessage(room.id(), "s1", Instant.parse(
                "2026-01-01T09:00:00Z"), MARY, "mary", "before", "<m/>")));
        f.chat.updateRoom(CAROL, room.id(), r -> r.withName("Rates Desk"));
        f.chat.capturedHistory().append(List.of(new PostedMessage(room.id(), "s2", Instant.parse(
                "2026-01-01T09:01:00Z"), MARY, "mary", "after", "<m/>")));

        assertThat(waiting()).filteredOn(e -> e.type() == ComplianceEventType.CHAT)
                .extracting(e -> e.room().orElseThrow().name()).containsExactly("Desk", "Rates Desk");
    }

    @Test
    void nothingShouldBeRecordedWhileComplianceIsOff() {
        f.chat.compliance().enable(false);
        Room room = f.chat.createRoom(CAROL, f.trading.id(), "desk", "Desk");
        f.chat.capturedHistory().append(List.of(new PostedMessage(room.id(), "s1", Instant.parse(
                "2026-01-01T09:00:00Z"), MARY, "mary", "hi", "<message/>")));
        f.chat.compliance().joined(MARY, room);

        assertThat(f.store.outbox().size()).isZero();
    }

    private List<ComplianceEvent> waiting() {
        return f.store.outbox().oldest(10).stream().map(OutboxEntry::event).toList();
    }
}
