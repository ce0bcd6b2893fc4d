package org.perch.store;

import org.perch.core.Jid;

/** Durable rosters, keyed by the owner's bare JID. Every method is safe to call from several threads at once. */
public interface RosterStore {

    /** The owner's roster; empty with version 0 if the owner has none. */
    Roster roster(Jid owner);

    /** Adds or replaces the item with the same contact JID; returns the roster's new version. */
    long put(Jid owner, RosterItem item);

    /** Removes the contact; returns the roster's new version (unchanged if the contact was not there). */
    long remove(Jid owner, Jid contact);
}
