package org.perch.compliance;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code perch compliance status} shows: whether compliance is on, how much waits where, and how the last
 * run went.
 *
 * @param enabled whether events are being recorded
 * @param outboxBacklog events captured but not yet in the compliance database
 * @param exportBacklog events in the compliance database not yet exported
 * @param lastExportedSequence the last event exported (0: none yet)
 * @param lastRun when the last export run ended, successful or not
 * @param lastError why the last run failed; empty if it succeeded
 */
public record ComplianceStatus(boolean enabled, long outboxBacklog, long exportBacklog,
                               long lastExportedSequence,
                               Optional<Instant> lastRun, Optional<String> lastError) {
    public ComplianceStatus {
        Objects.requireNonNull(lastRun, "lastRun");
        Objects.requireNonNull(lastError, "lastError");
    }

    /** Compliance off: nothing recorded, nothing waiting to be told of. */
    public static final ComplianceStatus OFF = new ComplianceStatus(false, 0, 0, 0, Optional.empty(),
            Optional.empty());
}
