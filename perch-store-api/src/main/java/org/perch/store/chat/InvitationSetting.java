package org.perch.store.chat;

/** Lync room Invitations: follow the category's setting, or switch invitations off for this room. */
public enum InvitationSetting {
    INHERIT,
    OFF
}
