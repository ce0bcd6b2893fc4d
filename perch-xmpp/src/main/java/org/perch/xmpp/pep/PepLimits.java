package org.perch.xmpp.pep;

/**
 * Bounds on what one account may keep in PEP, so that no client fills the store. The server reads them from the
 * configuration keys {@code pep.max-items}, {@code pep.max-payload-bytes} and {@code pep.max-nodes}, which check
 * their ranges with messages naming the key; this record only refuses what no configuration could mean.
 *
 * @param maxItems the most items one node keeps (and what {@code pubsub#max_items = max} means)
 * @param maxPayloadBytes the most UTF-8 bytes one item's payload may take
 * @param maxNodes the most nodes one account may have
 */
public record PepLimits(int maxItems, int maxPayloadBytes, int maxNodes) {
    /**
     * The configuration's defaults: enough for a few thousand followed rooms and read markers, an avatar's metadata,
     * OMEMO bundles.
     */
    public static final PepLimits DEFAULT = new PepLimits(4096, 64 * 1024, 128);

    public PepLimits {
        if (maxItems < 1 || maxPayloadBytes < 1 || maxNodes < 1) {
            throw new IllegalArgumentException("PEP limits must be positive");
        }
    }
}
