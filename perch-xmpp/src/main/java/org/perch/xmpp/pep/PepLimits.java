package org.perch.xmpp.pep;

/**
 * Bounds on what one account may keep in PEP, so that no client fills the store.
 *
 * @param maxItems the most items one node keeps (and what {@code pubsub#max_items = max} means)
 * @param maxPayloadBytes the most UTF-8 bytes one item's payload may take
 * @param maxNodes the most nodes one account may have
 */
public record PepLimits(int maxItems, int maxPayloadBytes, int maxNodes) {
    /** Enough for a few thousand followed rooms and read markers, an avatar's metadata, OMEMO bundles. */
    public static final PepLimits DEFAULT = new PepLimits(4096, 64 * 1024, 128);

    public PepLimits {
        if (maxItems < 1 || maxPayloadBytes < 1 || maxNodes < 1) {
            throw new IllegalArgumentException("PEP limits must be positive");
        }
    }
}
