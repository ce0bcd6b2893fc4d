package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceEventType;
import org.perch.store.compliance.ComplianceRecord;
import org.perch.store.compliance.ComplianceRoom;
import org.perch.store.compliance.ExportState;
import org.perch.store.compliance.PlannedBatch;
import org.perch.store.compliance.RecordedEvent;

/**
 * What every compliance database must do. A backend binds it with {@link #record()}, a fresh database for the test,
 * and {@link #reopen()}, the same data opened again (or the same object, for a backend that is not durable).
 */
public interface ComplianceRecordContract {

    ComplianceRecord record();

    ComplianceRecord reopen();

    @AfterEach
    default void closeRecord() {
        record().close();
    }

    private static ComplianceEvent event(int n) {
        return new ComplianceEvent(UUID.randomUUID(), ComplianceEventType.JOIN,
                Instant.parse("2026-03-01T10:00:00.987654321Z").plusSeconds(n), Jid.of("bob@example.org"),
                Optional.of(new ComplianceRoom(RoomId.random(), "room" + n, "Room " + n)), Optional.empty(), "");
    }

    private static Instant at(int minute) {
        return Instant.parse("2026-03-01T10:00:00Z").plusSeconds(60L * minute);
    }

    @Test
    default void copiedEventsShouldGetIncreasingSequencesAndCopiesAgainBeSkipped() {
        ComplianceEvent a = event(1);
        ComplianceEvent b = event(2);
        ComplianceEvent c = event(3);

        assertThat(record().copy(List.of(a, b))).isEqualTo(2);
        assertThat(record().copy(List.of(b, c))).as("b again, after a crash, is skipped").isEqualTo(1);

        assertThat(record().after(0, 10)).containsExactly(new RecordedEvent(1, a), new RecordedEvent(2, b),
                new RecordedEvent(3, c));
        assertThat(record().after(1, 1)).containsExactly(new RecordedEvent(2, b));
        assertThat(record().lastSequence()).isEqualTo(3);
    }

    @Test
    default void aNewDatabaseShouldHaveExportedNothing() {
        assertThat(record().exportState()).isEqualTo(new ExportState(0, 0, Optional.empty(), Map.of(),
                Optional.empty()));
        assertThat(record().lastSequence()).isZero();
    }

    @Test
    default void aPlannedBatchShouldStayPendingUntilCompleted() {
        record().copy(List.of(event(1), event(2), event(3)));
        PlannedBatch first = new PlannedBatch(1, 1, 2, at(0), at(15));

        record().plan(first);
        assertThat(record().exportState().pending()).contains(first);
        assertThatThrownBy(() -> record().plan(new PlannedBatch(2, 3, 3, at(15), at(30))))
                .isInstanceOf(IllegalStateException.class);

        record().complete(1, Map.of("room1", "a".repeat(64)));

        ExportState state = record().exportState();
        assertThat(state.pending()).isEmpty();
        assertThat(state.lastBatchId()).isEqualTo(1);
        assertThat(state.lastExportedSequence()).isEqualTo(2);
        assertThat(state.lastEnd()).contains(at(15));
        assertThat(state.chainHeads()).containsExactly(Map.entry("room1", "a".repeat(64)));
    }

    @Test
    default void aBatchShouldFollowTheLastOneAndOnlyAPendingOneComplete() {
        record().copy(List.of(event(1), event(2)));

        assertThatThrownBy(() -> record().plan(new PlannedBatch(2, 1, 1, at(0), at(1))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> record().plan(new PlannedBatch(1, 2, 2, at(0), at(1))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> record().complete(1, Map.of())).isInstanceOf(IllegalStateException.class);

        record().plan(new PlannedBatch(1, 1, 1, at(0), at(1)));
        record().complete(1, Map.of("k", "b".repeat(64)));
        record().plan(new PlannedBatch(2, 2, 2, at(1), at(2)));
        record().complete(2, Map.of("k", "c".repeat(64)));

        assertThat(record().exportState().chainHeads()).containsExactly(Map.entry("k", "c".repeat(64)));
    }

    @Test
    default void eventsAndThePendingBatchShouldSurviveARestart() {
        ComplianceEvent a = event(1);
        record().copy(List.of(a));
        PlannedBatch batch = new PlannedBatch(1, 1, 1, at(0), at(15));
        record().plan(batch);

        ComplianceRecord again = reopen();

        assertThat(again.after(0, 10)).containsExactly(new RecordedEvent(1, a));
        assertThat(again.exportState().pending()).contains(batch);
    }
}
