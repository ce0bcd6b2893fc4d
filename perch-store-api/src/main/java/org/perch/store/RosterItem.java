package org.perch.store;

import java.util.Objects;
import java.util.Set;
import org.perch.core.Jid;

/**
 * One contact in a user's roster (RFC 6121 §2.1). {@code name} is empty when the user gave none;
 * {@code pendingOut} is the "ask=subscribe" flag.
 */
public record RosterItem(Jid jid, String name, Subscription subscription, boolean pendingOut, Set<String> groups) {

    public RosterItem {
        Objects.requireNonNull(jid, "jid");
        if (!jid.isBare()) {
            throw new IllegalArgumentException("roster items are bare JIDs, got " + jid);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subscription, "subscription");
        if (subscription == Subscription.REMOVE) {
            throw new IllegalArgumentException("'remove' is a request, not a stored state");
        }
        groups = Set.copyOf(groups);
    }

    public static RosterItem of(Jid jid) {
        return new RosterItem(jid, "", Subscription.NONE, false, Set.of());
    }
}
