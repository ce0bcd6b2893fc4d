package org.perch.store;

/** Presence subscription state of a roster item (RFC 6121 §2.1.2.5). */
public enum Subscription {
    NONE, TO, FROM, BOTH, REMOVE;

    public String xmlValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
