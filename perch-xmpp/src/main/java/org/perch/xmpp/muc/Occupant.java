package org.perch.xmpp.muc;

import org.perch.core.Jid;
import org.perch.xmpp.xml.XmlElement;

/**
 * One joined resource: its real full JID, its nickname, what the room shows of its standing (XEP-0045
 * affiliation and role, derived from the Lync roles), and its last presence as sent to the room.
 */
record Occupant(Jid jid, String nick, String affiliation, String role, XmlElement presence) {

    Occupant withNick(String newNick) {
        return new Occupant(jid, newNick, affiliation, role, presence);
    }

    Occupant withPresence(XmlElement newPresence) {
        return new Occupant(jid, nick, affiliation, role, newPresence);
    }

    Occupant withStanding(String newAffiliation, String newRole) {
        return new Occupant(jid, nick, newAffiliation, newRole, presence);
    }
}
