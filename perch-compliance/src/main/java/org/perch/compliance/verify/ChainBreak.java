package org.perch.compliance.verify;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The first place where the exported files are not what the adapters wrote.
 *
 * @param file the file's name
 * @param sequence the event's sequence; empty when the file could not be read
 * @param eventId the event's id; empty when the file could not be read
 * @param problem what kind of break
 * @param detail what is wrong, in words
 */
public record ChainBreak(String file, Optional<Long> sequence, Optional<UUID> eventId, Problem problem,
                         String detail) {

    /** What a break means. */
    public enum Problem {
        /** The event's hash does not match its fields: the event was changed. */
        ALTERED,
        /** The event's previous hash is not the hash of its chain's previous event: one was removed or reordered. */
        LINK_BROKEN,
        /** The file holds the chain's events out of sequence order: moved within the file. */
        OUT_OF_ORDER,
        /** The event is in the files twice. */
        DUPLICATE_EVENT,
        /** Two events have the same sequence. */
        DUPLICATE_SEQUENCE,
        /** The file is not one of Perch's formats, or an event in it lacks a field. */
        UNREADABLE
    }

    public ChainBreak {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(detail, "detail");
    }

    /** One line: where and what. */
    public String describe() {
        String where = sequence.map(s -> "event " + s + eventId.map(id -> " (" + id + ")").orElse("") + " in ")
                .orElse("") + file;
        return where + ": " + problem.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + detail;
    }
}
