package org.perch.compliance;

import java.util.List;
import org.perch.store.compliance.ComplianceOutbox;
import org.perch.store.compliance.ComplianceRecord;
import org.perch.store.compliance.CrashPoint;
import org.perch.store.compliance.OutboxEntry;

/**
 * Moves events from the chat store's outbox into the compliance database: copies them, and only once the copy has
 * committed removes them from the outbox. A crash between the two leaves them in both; the next move copies them
 * again, which the database skips (it knows their ids), and then removes them. So each event is in the compliance
 * database exactly once, whatever stops the process when.
 */
public final class ComplianceMover {

    private final ComplianceOutbox outbox;
    private final ComplianceRecord record;
    private final int batchSize;

    public ComplianceMover(ComplianceOutbox outbox, ComplianceRecord record, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.outbox = outbox;
        this.record = record;
        this.batchSize = batchSize;
    }

    /** Moves up to one batch of events; returns how many left the outbox. */
    public int moveOnce() {
        List<OutboxEntry> waiting = outbox.oldest(batchSize);
        if (waiting.isEmpty()) {
            return 0;
        }
        record.copy(waiting.stream().map(OutboxEntry::event).toList());
        CrashPoint.reach("move"); // in both databases now
        outbox.remove(waiting);
        return waiting.size();
    }

    /** Moves until the outbox is empty; returns how many events left it. */
    public long moveAll() {
        long moved = 0;
        for (int n = moveOnce(); n > 0; n = moveOnce()) {
            moved += n;
        }
        return moved;
    }
}
