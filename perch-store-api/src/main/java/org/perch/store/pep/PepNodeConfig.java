package org.perch.store.pep;

import java.util.Objects;

/**
 * A node's configuration, as far as Perch keeps one.
 *
 * @param maxItems the most items the node keeps; publishing beyond it drops the oldest
 * @param persistItems whether published items are kept at all (when false, a publish only notifies)
 */
public record PepNodeConfig(int maxItems, PepAccess access, boolean persistItems, PepSendLast sendLast) {
    public PepNodeConfig {
        if (maxItems < 1) {
            throw new IllegalArgumentException("a node keeps at least one item, not " + maxItems);
        }
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(sendLast, "sendLast");
    }
}
