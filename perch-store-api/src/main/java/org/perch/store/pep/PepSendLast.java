package org.perch.store.pep;

/** When the last published item is sent to subscribers (XEP-0060 {@code pubsub#send_last_published_item}). */
public enum PepSendLast {
    NEVER,
    ON_SUB,
    ON_SUB_AND_PRESENCE
}
