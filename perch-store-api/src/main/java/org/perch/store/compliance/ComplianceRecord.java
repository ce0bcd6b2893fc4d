package org.perch.store.compliance;

import java.util.List;
import java.util.Map;

/**
 * The compliance database (Lync's mgccomp): a store of its own, apart from the chat store, holding every event
 * once, in the order it arrived, and the state of the export. Safe to call from several threads at once.
 */
public interface ComplianceRecord extends AutoCloseable {

    /**
     * Copies the events in, in list order, in one transaction; an event it holds already (the same id) is skipped,
     * so copying again after a crash duplicates nothing. Returns how many were new.
     */
    int copy(List<ComplianceEvent> events);

    /** The events after {@code sequence}, at most {@code max}, in sequence order. */
    List<RecordedEvent> after(long sequence, int max);

    /** The highest sequence given; 0 when empty. */
    long lastSequence();

    ExportState exportState();

    /**
     * Records the batch as planned; refused (IllegalStateException) while another is pending, or if its id or
     * first sequence does not follow the last batch done.
     */
    void plan(PlannedBatch batch);

    /** Marks the pending batch done and the chains' heads after it, in one transaction. */
    void complete(long batchId, Map<String, String> chainHeads);

    @Override
    void close();
}
