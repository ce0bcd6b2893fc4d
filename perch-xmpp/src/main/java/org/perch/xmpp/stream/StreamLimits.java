package org.perch.xmpp.stream;

/**
 * Limits a parser enforces on every top-level element. Breaking one ends the stream with
 * {@code policy-violation}.
 *
 * @param maxStanzaBytes largest top-level element, in bytes as received (default 256 KiB)
 * @param maxDepth deepest element nesting inside a stanza, the stanza itself being depth 1
 * @param maxAttributes most attributes on one element
 */
public record StreamLimits(int maxStanzaBytes, int maxDepth, int maxAttributes) {

    public static final StreamLimits DEFAULT = new StreamLimits(256 * 1024, 32, 64);

    public StreamLimits {
        if (maxStanzaBytes < 1024) {
            throw new IllegalArgumentException("maxStanzaBytes must be at least 1024, got " + maxStanzaBytes);
        }
        if (maxDepth < 4) {
            throw new IllegalArgumentException("maxDepth must be at least 4, got " + maxDepth);
        }
        if (maxAttributes < 8) {
            throw new IllegalArgumentException("maxAttributes must be at least 8, got " + maxAttributes);
        }
    }
}
