package org.perch.store.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of the topology as it was published to a store.
 *
 * @param version 1 for the first publication, one more for each after it
 * @param document the topology file exactly as it was published (JSON, docs/topology.md)
 * @param publishedAt when it was published
 */
public record PublishedTopology(long version, String document, Instant publishedAt) {

    /** The longest document a store keeps, in characters: far more than a topology of many pools needs. */
    public static final int MAX_DOCUMENT_LENGTH = 1_000_000;

    public PublishedTopology {
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, got " + version);
        }
        Objects.requireNonNull(document, "document");
        if (document.isBlank()) {
            throw new IllegalArgumentException("document is empty");
        }
        if (document.length() > MAX_DOCUMENT_LENGTH) {
            throw new IllegalArgumentException("document is " + document.length() + " characters; at most "
                    + MAX_DOCUMENT_LENGTH);
        }
        Objects.requireNonNull(publishedAt, "publishedAt");
    }

    /**
     * The version that follows {@code expectedVersion}, as {@link TopologyStore#publish} stores it.
     *
     * @throws IllegalArgumentException if {@code expectedVersion} is negative or the document is empty or too long
     */
    public static PublishedTopology following(long expectedVersion, String document, Instant at) {
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must be 0 (none published yet) or more, got "
                    + expectedVersion);
        }
        return new PublishedTopology(expectedVersion + 1, document, at);
    }
}
