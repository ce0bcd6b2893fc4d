package org.perch.store.pep;

/** Who may read a node's items (XEP-0060 {@code pubsub#access_model}), besides its owner. */
public enum PepAccess {
    /** Anyone. */
    OPEN,
    /** The owner's contacts with a subscription to the owner's presence ({@code from} or {@code both}). */
    PRESENCE,
    /** Nobody but the owner: Perch keeps no whitelist of other entities. */
    WHITELIST
}
