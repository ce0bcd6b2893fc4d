package org.perch.store.cluster;

/** What a pool event says happened; the server that applies it reads its subject and payload accordingly. */
public enum PoolEventKind {
    /**
     * A stanza every occupant of the room receives (a message stored, a subject change, a retraction); subject: the
     * stanza-id of a message stored in history, empty for a stanza kept nowhere else.
     */
    BROADCAST,
    /** An occupant joined or changed its presence or standing; subject: its nickname. */
    OCCUPANT,
    /** An occupant left the room (or was removed from it); subject: its nickname. */
    OCCUPANT_LEFT,
    /** A stanza for one occupant (a private message, an invitation); subject: its nickname. */
    PRIVATE,
    /** The room's settings, roles or existence changed: servers read it again from the store. */
    ROOM_CHANGED,
    /** A category changed: servers read it again from the store. */
    CATEGORY_CHANGED,
    /** The Persistent Chat policies changed. */
    POLICIES_CHANGED,
    /** A server left the pool; subject: its name. Its occupants are gone. */
    SERVER_GONE,
    /**
     * A server (re)started: the occupants it had before are gone, and every other server tells it its own occupants
     * again. The origin names the server.
     */
    SERVER_STARTED,
    /** A user's topic-feed filters changed: servers read them again from the store; subject: the user's bare JID. */
    FILTERS_CHANGED,
    /**
     * A PEP notification (XEP-0163) for an account's own resources, on whichever server they are; subject: the
     * owner's bare JID; payload: the {@code <event/>} element. Its room is empty.
     */
    PEP_NOTIFY
}
