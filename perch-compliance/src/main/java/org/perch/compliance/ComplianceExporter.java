package org.perch.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.perch.store.compliance.ComplianceRecord;
import org.perch.store.compliance.CrashPoint;
import org.perch.store.compliance.ExportState;
import org.perch.store.compliance.PlannedBatch;
import org.perch.store.compliance.RecordedEvent;

/**
 * One export run (every RunInterval, or on demand): plans the next batch of the compliance database's events,
 * links them into their chains, hands them to the adapter, and marks them exported once the adapter's files are
 * durable. A batch a crash interrupted is done again first, with the same events and the same chain heads, so its
 * files come out the same and replace the earlier attempt's: every event is exported exactly once.
 */
public final class ComplianceExporter {

    private final ComplianceRecord record;
    private final ComplianceAdapter adapter;
    private final Clock clock;
    private final int maxEvents;

    /** @param maxEvents the most events one batch holds; more wait for the next run (or the next call) */
    public ComplianceExporter(ComplianceRecord record, ComplianceAdapter adapter, Clock clock, int maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("a batch holds at least one event, got " + maxEvents);
        }
        this.record = record;
        this.adapter = adapter;
        this.clock = clock;
        this.maxEvents = maxEvents;
    }

    /** Exports one batch, the pending one first; returns how many events it held (0: nothing to export). */
    public int runOnce() throws IOException {
        ExportState state = record.exportState();
        Optional<PlannedBatch> batch = state.pending().or(() -> plan(state));
        if (batch.isEmpty()) {
            return 0;
        }
        PlannedBatch b = batch.get();
        List<RecordedEvent> events = record.after(b.firstSequence() - 1,
                Math.toIntExact(b.lastSequence() - b.firstSequence() + 1));
        Chains chains = new Chains(state.chainHeads());
        List<ChainedEvent> chained = chains.appendAll(events);
        adapter.translate(new ExportBatch(b.id(), b.start(), b.end(), chained));
        CrashPoint.reach("export"); // files written, the batch not yet marked done
        record.complete(b.id(), chains.heads());
        return chained.size();
    }

    /** Exports batch after batch until nothing is left; returns how many events went out. */
    public long runAll() throws IOException {
        long exported = 0;
        for (int n = runOnce(); n > 0; n = runOnce()) {
            exported += n;
        }
        return exported;
    }

    private Optional<PlannedBatch> plan(ExportState state) {
        List<RecordedEvent> next = record.after(state.lastExportedSequence(), maxEvents);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Instant end = clock.instant();
        Instant start = state.lastEnd().orElse(next.getFirst().event().at());
        PlannedBatch batch = new PlannedBatch(state.lastBatchId() + 1, next.getFirst().sequence(),
                next.getLast().sequence(), start.isAfter(end) ? end : start, end);
        record.plan(batch);
        return Optional.of(batch);
    }

    /** For callers that cannot throw IOException (a scheduled task): the adapter's failure, unchecked. */
    public int runOnceUnchecked() {
        try {
            return runOnce();
        } catch (IOException e) {
            throw new UncheckedIOException("the " + adapter.name() + " adapter could not write its files", e);
        }
    }
}
