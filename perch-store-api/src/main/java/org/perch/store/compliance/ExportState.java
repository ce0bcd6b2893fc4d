package org.perch.store.compliance;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the export stands: the last batch done, up to which event, when, the hash chains' heads after it, and the
 * batch planned and not yet done, if any.
 *
 * @param lastBatchId 0 before the first batch
 * @param lastExportedSequence 0 before the first batch
 * @param lastEnd the end of the last batch's period; empty before the first
 * @param chainHeads the last hash of each chain (by chain key) after the last batch done
 * @param pending the batch planned and not yet done
 */
public record ExportState(long lastBatchId, long lastExportedSequence, Optional<Instant> lastEnd,
                          Map<String, String> chainHeads, Optional<PlannedBatch> pending) {
    public ExportState {
        Objects.requireNonNull(lastEnd, "lastEnd");
        chainHeads = Map.copyOf(chainHeads);
        Objects.requireNonNull(pending, "pending");
    }
}
