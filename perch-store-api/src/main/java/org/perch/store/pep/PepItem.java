package org.perch.store.pep;

import java.time.Instant;
import java.util.Objects;

/**
 * A published item: its id within the node, when it was (last) published, and its payload as XML text (the one
 * child element of the XEP-0060 {@code <item/>}), which the store keeps as it is given.
 */
public record PepItem(String id, Instant published, String payload) {
    public PepItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(payload, "payload");
    }
}
