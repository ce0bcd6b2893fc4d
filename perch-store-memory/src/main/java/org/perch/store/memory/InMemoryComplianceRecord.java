package org.perch.store.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceRecord;
import org.perch.store.compliance.ExportState;
import org.perch.store.compliance.PlannedBatch;
import org.perch.store.compliance.RecordedEvent;

/** A compliance database in lists and maps guarded by this object's monitor: for tests, forgotten on close. */
public final class InMemoryComplianceRecord implements ComplianceRecord {

    private final List<RecordedEvent> events = new ArrayList<>();
    private final Set<UUID> held = new HashSet<>();
    private final Map<String, String> heads = new HashMap<>();
    private Optional<PlannedBatch> pending = Optional.empty();
    private Optional<PlannedBatch> lastDone = Optional.empty();

    @Override
    public synchronized int copy(List<ComplianceEvent> incoming) {
        int added = 0;
        for (ComplianceEvent e : incoming) {
            if (held.add(e.id())) {
                events.add(new RecordedEvent(events.size() + 1L, e));
                added++;
            }
        }
        return added;
    }

    @Override
    public synchronized List<RecordedEvent> after(long sequence, int max) {
        return events.stream().filter(e -> e.sequence() > sequence).limit(max).toList();
    }

    @Override
    public synchronized long lastSequence() {
        return events.size();
    }

    @Override
    public synchronized ExportState exportState() {
        return new ExportState(lastDone.map(PlannedBatch::id).orElse(0L),
                lastDone.map(PlannedBatch::lastSequence).orElse(0L), lastDone.map(PlannedBatch::end), heads, pending);
    }

    @Override
    public synchronized void plan(PlannedBatch batch) {
        if (pending.isPresent()) {
            throw new IllegalStateException("a compliance batch is pending already; finish it first");
        }
        long nextId = lastDone.map(PlannedBatch::id).orElse(0L) + 1;
        long nextSequence = lastDone.map(PlannedBatch::lastSequence).orElse(0L) + 1;
        if (batch.id() != nextId || batch.firstSequence() != nextSequence) {
            throw new IllegalStateException("batch " + batch.id() + " from " + batch.firstSequence()
                    + " does not follow: the next is batch " + nextId + " from " + nextSequence);
        }
        pending = Optional.of(batch);
    }

    @Override
    public synchronized void complete(long batchId, Map<String, String> chainHeads) {
        if (pending.isEmpty() || pending.get().id() != batchId) {
            throw new IllegalStateException("compliance batch " + batchId + " is not pending");
        }
        lastDone = pending;
        pending = Optional.empty();
        heads.putAll(chainHeads);
    }

    @Override
    public void close() {
    }
}
