package org.perch.xmpp.muc;

import org.perch.domain.chat.RoomAccess;

/**
 * How the Lync roles show in XEP-0045 terms (ARCHITECTURE D2): managers are owners and moderators, Persistent
 * Chat administrators admins and moderators, members members. In an auditorium only presenters have a voice
 * (participants); everyone else is a visitor, managers and administrators included, as in Lync.
 */
record Standing(String affiliation, String role) {

    static Standing of(RoomAccess access) {
        String affiliation;
        if (access.isManager()) {
            affiliation = "owner";
        } else if (access.admin()) {
            affiliation = "admin";
        } else if (access.isMember() || access.isPresenter()) {
            affiliation = "member";
        } else {
            affiliation = "none";
        }
        String role;
        if (access.isManager() || access.admin()) {
            role = "moderator";
        } else {
            role = access.canPost() ? "participant" : "visitor";
        }
        return new Standing(affiliation, role);
    }
}
