package org.perch.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.core.Jid;
import org.perch.store.Store;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceEventType;
import org.perch.store.compliance.ComplianceOutbox;
import org.perch.store.compliance.ComplianceRecord;
import org.perch.store.compliance.OutboxEntry;
import org.perch.store.compliance.RecordedEvent;
import org.perch.store.h2.H2Store;

/** Events move from the chat store's outbox to the compliance database once, over the real H2 databases. */
class ComplianceMoverTest {

    @TempDir
    Path dataDir;
    private Store store;
    private ComplianceRecord record;

    @AfterEach
    void close() {
        if (record != null) {
            record.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private void open() {
        store = H2Store.open(dataDir);
        record = H2Store.openComplianceRecord(dataDir);
    }

    private static List<ComplianceEvent> events(int n) {
        List<ComplianceEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(new ComplianceEvent(UUID.randomUUID(), ComplianceEventType.CHAT,
                    Instant.parse("2026-03-01T10:00:00Z").plusMillis(i), Jid.of("alice@example.org"), Optional.empty(),
                    Optional.of("m" + i), "message " + i));
        }
        return events;
    }

    @Test
    void everyEventShouldArriveOnceInOrderAndLeaveTheOutbox() {
        open();
        List<ComplianceEvent> captured = events(25);
        store.outbox().add(captured);

        long moved = new ComplianceMover(store.outbox(), record, 10).moveAll();

        assertThat(moved).isEqualTo(25);
        assertThat(store.outbox().size()).isZero();
        assertThat(record.after(0, 100)).extracting(RecordedEvent::event).containsExactlyElementsOf(captured);
    }

    @Test
    void aCrashAfterTheCopyShouldDuplicateNothing() {
        open();
        List<ComplianceEvent> captured = events(5);
        store.outbox().add(captured);
        ComplianceOutbox failingRemove = new ComplianceOutbox() {
            @Override
            public void add(List<ComplianceEvent> events) {
                store.outbox().add(events);
            }

            @Override
            public List<OutboxEntry> oldest(int max) {
                return store.outbox().oldest(max);
            }

            @Override
            public void remove(Collection<OutboxEntry> entries) {
                throw new IllegalStateException("the process died here");
            }

            @Override
            public long size() {
                return store.outbox().size();
            }
        };
        assertThatThrownBy(() -> new ComplianceMover(failingRemove, record, 3).moveOnce())
                .hasMessage("the process died here");
        close();

        open();
        new ComplianceMover(store.outbox(), record, 3).moveAll();

        assertThat(record.after(0, 100)).extracting(RecordedEvent::event).containsExactlyElementsOf(captured);
        assertThat(record.lastSequence()).isEqualTo(5);
        assertThat(store.outbox().size()).isZero();
    }
}
