package org.perch.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceEventType;
import org.perch.store.compliance.ComplianceRoom;
import org.perch.store.memory.InMemoryComplianceRecord;

/** Batches go to the adapter once, chained, and a batch the adapter failed is given again unchanged. */
class ComplianceExporterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final ComplianceRoom DESK = new ComplianceRoom(RoomId.random(), "desk", "Desk");

    private final InMemoryComplianceRecord record = new InMemoryComplianceRecord();
    private final List<ExportBatch> given = new ArrayList<>();
    private int failuresLeft;

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
            given.add(batch);
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IOException("disk full");
            }
            return List.of();
        }
    };

    private static ComplianceEvent chat(int n) {
        return new ComplianceEvent(UUID.randomUUID(), ComplianceEventType.CHAT,
                Instant.parse("2026-03-01T10:00:00Z").plusSeconds(n), Jid.of("alice@example.org"), Optional.of(DESK),
                Optional.of("m" + n), "message " + n);
    }

    @Test
    void eventsShouldGoOutInBatchesEachOnceAndChained() throws IOException {
        record.copy(List.of(chat(1), chat(2), chat(3)));
        ComplianceExporter exporter = new ComplianceExporter(record, adapter, CLOCK, 2);

        assertThat(exporter.runAll()).isEqualTo(3);
        assertThat(exporter.runOnce()).as("nothing new").isZero();

        assertThat(given).extracting(ExportBatch::id).containsExactly(1L, 2L);
        List<ChainedEvent> all = given.stream().flatMap(b -> b.events().stream()).toList();
        assertThat(all).extracting(ChainedEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(all.get(0).previousHash()).isEqualTo(EventChain.GENESIS);
        assertThat(all.get(1).previousHash()).isEqualTo(all.get(0).hash());
        assertThat(all.get(2).previousHash()).as("the chain goes on across batches").isEqualTo(all.get(1).hash());
        assertThat(record.exportState().lastExportedSequence()).isEqualTo(3);
    }

    @Test
    void aFailedBatchShouldBeGivenAgainUnchanged() throws IOException {
        record.copy(List.of(chat(1), chat(2)));
        ComplianceExporter exporter = new ComplianceExporter(record, adapter, CLOCK, 10);
        failuresLeft = 1;

        assertThatThrownBy(exporter::runOnce).hasMessage("disk full");
        record.copy(List.of(chat(3)));
        assertThat(exporter.runOnce()).isEqualTo(2);
        assertThat(exporter.runOnce()).isEqualTo(1);

        assertThat(given.get(1)).as("the retry").isEqualTo(given.get(0));
        assertThat(given.get(2).events()).extracting(ChainedEvent::sequence).containsExactly(3L);
        assertThat(given.get(2).start()).isEqualTo(given.get(1).end());
    }
}
