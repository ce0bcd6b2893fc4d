package org.perch.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceEventType;
import org.perch.store.memory.InMemoryComplianceRecord;
import org.perch.store.memory.InMemoryStore;

/** run-now moves, exports and reports; a failing adapter is reported and the events wait for the next run. */
class ComplianceServiceTest {

    private final InMemoryStore store = new InMemoryStore();
    private final InMemoryComplianceRecord record = new InMemoryComplianceRecord();
    private final List<ChainedEvent> exported = new CopyOnWriteArrayList<>();
    private volatile boolean broken;

    private final ComplianceAdapter adapter = new ComplianceAdapter() {
        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void configure(AdapterSettings settings) {
        }

        @Override
        public List<Path> translate(ExportBatch batch) throws IOException {
            if (broken) {
                throw new IOException("the output directory is not writable");
            }
            exported.addAll(batch.events());
            return List.of();
        }
    };

    private static List<ComplianceEvent> events(int n) {
        List<ComplianceEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(new ComplianceEvent(UUID.randomUUID(), ComplianceEventType.JOIN, Instant.now(),
                    Jid.of("alice@example.org"), Optional.empty(), Optional.empty(), ""));
        }
        return events;
    }

    @Test
    void runNowShouldExportEverythingAndReportIt() throws InterruptedException {
        store.outbox().add(events(7));
        try (ComplianceService service = new ComplianceService(store.outbox(), record, adapter, Clock.systemUTC(),
                3)) {
            ComplianceStatus status = service.runNow();

            assertThat(exported).hasSize(7);
            assertThat(status.outboxBacklog()).isZero();
            assertThat(status.exportBacklog()).isZero();
            assertThat(status.lastExportedSequence()).isEqualTo(7);
            assertThat(status.lastRun()).isPresent();
            assertThat(status.lastError()).isEmpty();
        }
    }

    @Test
    void aFailingAdapterShouldBeReportedAndItsEventsWait() throws InterruptedException {
        store.outbox().add(events(2));
        try (ComplianceService service = new ComplianceService(store.outbox(), record, adapter, Clock.systemUTC(),
                10)) {
            broken = true;
            ComplianceStatus failed = service.runNow();
            broken = false;
            ComplianceStatus recovered = service.runNow();

            assertThat(failed.lastError()).contains("the output directory is not writable");
            assertThat(failed.exportBacklog()).isEqualTo(2);
            assertThat(recovered.lastError()).isEmpty();
            assertThat(exported).extracting(ChainedEvent::sequence).containsExactly(1L, 2L);
        }
    }
}
