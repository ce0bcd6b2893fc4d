package org.perch.store.chat;

/** Who may find and enter a room (Lync room Privacy); {@link #CLOSED} is the default. */
public enum Privacy {
    /** Listed; anyone the category allows may join and post. No membership. */
    OPEN,
    /** Listed (name and description visible); only members may join. */
    CLOSED,
    /** Not listed; to anyone but its members it does not exist. */
    SECRET
}
