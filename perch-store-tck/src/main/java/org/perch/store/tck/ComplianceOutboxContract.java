package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.store.chat.Category;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceEventType;
import org.perch.store.compliance.ComplianceOutbox;
import org.perch.store.compliance.ComplianceRoom;
import org.perch.store.compliance.OutboxEntry;

/**
 * What every {@link ComplianceOutbox} must do, and how {@code Store.atomically} captures an event with its change.
 * A backend binds it with a class that supplies {@link #fixture()}.
 */
public interface ComplianceOutboxContract {

    StoreFixture fixture();

    @AfterEach
    default void closeOutboxFixture() {
        fixture().close();
    }

    private ComplianceOutbox outbox() {
        return fixture().store().outbox();
    }

    /** The events of the oldest {@code max} entries. */
    private List<ComplianceEvent> oldestEvents(int max) {
        return outbox().oldest(max).stream().map(OutboxEntry::event).toList();
    }

    private static ComplianceEvent event(int n) {
        return new ComplianceEvent(UUID.randomUUID(), ComplianceEventType.CHAT,
                Instant.parse("2026-03-01T10:00:00.123456789Z").plusSeconds(n), Jid.of("alice@example.org"),
                Optional.of(new ComplianceRoom(org.perch.core.RoomId.random(), "desk", "Desk ☕")),
                Optional.of("stanza-" + n), "message «" + n + "»\n");
    }

    @Test
    default void eventsShouldComeBackWholeInTheOrderTheyWereAdded() {
        ComplianceEvent first = event(1);
        ComplianceEvent second = new ComplianceEvent(UUID.randomUUID(), ComplianceEventType.CATEGORY_CREATED,
                Instant.parse("2026-03-01T10:00:00Z"), Jid.domainOnly("example.org"), Optional.empty(),
                Optional.empty(), "");
        ComplianceEvent third = event(3);

        outbox().add(List.of(first, second));
        outbox().add(List.of(third));

        assertThat(oldestEvents(10)).containsExactly(first, second, third);
        assertThat(oldestEvents(2)).containsExactly(first, second);
        assertThat(outbox().size()).isEqualTo(3);
    }

    @Test
    default void removedEventsShouldBeGoneAndUnknownIdsIgnored() {
        ComplianceEvent first = event(1);
        ComplianceEvent second = event(2);
        outbox().add(List.of(first, second));

        OutboxEntry firstEntry = outbox().oldest(1).getFirst();

        outbox().remove(List.of(firstEntry));
        outbox().remove(List.of(firstEntry, new OutboxEntry(firstEntry.position() + 1_000, first)));

        assertThat(oldestEvents(10)).containsExactly(second);
        assertThat(outbox().size()).isEqualTo(1);
    }

    @Test
    default void eventsAddedAfterARemovalShouldComeAfterThoseLeft() {
        ComplianceEvent first = event(1);
        ComplianceEvent second = event(2);
        ComplianceEvent third = event(3);
        outbox().add(List.of(first, second));
        outbox().remove(outbox().oldest(1));

        outbox().add(List.of(third));

        List<OutboxEntry> waiting = outbox().oldest(10);
        assertThat(waiting).extracting(OutboxEntry::event).containsExactly(second, third);
        assertThat(waiting.get(1).position()).isGreaterThan(waiting.get(0).position());
    }

    @Test
    default void aBlockThatReturnsShouldKeepItsChangeAndItsEvent() {
        Category category = Category.named("Trading");
        ComplianceEvent created = event(1);

        fixture().store().atomically(() -> {
            fixture().store().categories().create(category);
            outbox().add(List.of(created));
            return null;
        });

        assertThat(fixture().store().categories().findByName("Trading")).isPresent();
        assertThat(oldestEvents(10)).containsExactly(created);
    }

    @Test
    default void aBlockThatThrowsShouldLeaveNoEvent() {
        assertThatThrownBy(() -> fixture().store().atomically(() -> {
            outbox().add(List.of(event(1)));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");

        assertThat(outbox().size()).isZero();
    }

    @Test
    default void aBlockThatThrowsShouldLeaveNoChangeEither() {
        assumeThat(fixture().has(StoreCapability.TRANSACTIONAL)).as("backend rolls back").isTrue();

        assertThatThrownBy(() -> fixture().store().atomically(() -> {
            fixture().store().categories().create(Category.named("Trading"));
            outbox().add(List.of(event(1)));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");

        assertThat(fixture().store().categories().findByName("Trading")).isEmpty();
        assertThat(outbox().size()).isZero();
    }

    @Test
    default void aBlockShouldSeeItsOwnChangesAndNestedBlocksJoinIt() {
        String seen = fixture().store().atomically(() -> {
            fixture().store().categories().create(Category.named("Trading"));
            return fixture().store().atomically(() -> {
                outbox().add(List.of(event(1)));
                return fixture().store().categories().findByName("trading").orElseThrow().name();
            });
        });

        assertThat(seen).isEqualTo("Trading");
        assertThat(outbox().size()).isEqualTo(1);
    }

    @Test
    default void waitingEventsShouldSurviveARestart() {
        assumeThat(fixture().has(StoreCapability.DURABLE)).as("backend is durable").isTrue();
        ComplianceEvent first = event(1);
        outbox().add(List.of(first));

        fixture().reopen();

        assertThat(oldestEvents(10)).containsExactly(first);
    }
}
