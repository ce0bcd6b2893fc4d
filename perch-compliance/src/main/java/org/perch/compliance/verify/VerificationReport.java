package org.perch.compliance.verify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ComplianceVerifier} found: the counts, and the first break if there is one. Warnings (sequence
 * gaps, an empty directory) and notes (chains that start mid-way) never make the files broken.
 *
 * @param files the exported files read
 * @param events the events in them (up to the first break)
 * @param rooms the rooms they belong to
 * @param firstSequence the lowest sequence, 0 when there are no events
 * @param lastSequence the highest sequence, 0 when there are no events
 * @param firstBreak where the chain is first broken; empty when it is intact
 * @param warnings things to look at that do not break the chain
 * @param notes facts worth knowing, such as chains whose earlier files are not in the directory
 */
public record VerificationReport(int files, int events, int rooms, long firstSequence, long lastSequence,
                                 Optional<ChainBreak> firstBreak, List<String> warnings, List<String> notes) {
    public VerificationReport {
        Objects.requireNonNull(firstBreak, "firstBreak");
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /** Whether every chain in the files is unbroken. */
    public boolean intact() {
        return firstBreak.isEmpty();
    }
}
