package org.perch.xmpp.muc;

import java.util.Objects;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.xmpp.xml.XmlElement;

/**
 * One joined resource: its real full JID, its nickname, what the room shows of its standing (XEP-0045
 * affiliation and role, derived from the Lync roles), and its last presence as sent to the room.
 *
 * @param home  in a pool, the server holding the occupant's session when that is another server; such an occupant
 *              is shown to this server's occupants and receives nothing from this server
 * @param claim in a pool, the feed position at which the occupant's nickname was announced (0 until then, and
 *              outside a pool): of two servers granting one nickname at once, the earlier claim keeps it
 */
record Occupant(Jid jid, String nick, String affiliation, String role, XmlElement presence, Optional<String> home,
                long claim) {

    Occupant {
        Objects.requireNonNull(home, "home");
    }

    /** An occupant whose session is on this server. */
    static Occupant here(Jid jid, String nick, String affiliation, String role, XmlElement presence) {
        return new Occupant(jid, nick, affiliation, role, presence, Optional.empty(), 0);
    }

    boolean isHere() {
        return home.isEmpty();
    }

    Occupant withNick(String newNick) {
        return new Occupant(jid, newNick, affiliation, role, presence, home, claim);
    }

    Occupant withPresence(XmlElement newPresence) {
        return new Occupant(jid, nick, affiliation, role, newPresence, home, claim);
    }

    Occupant withStanding(String newAffiliation, String newRole) {
        return new Occupant(jid, nick, newAffiliation, newRole, presence, home, claim);
    }

    Occupant withClaim(long position) {
        return new Occupant(jid, nick, affiliation, role, presence, home, position);
    }
}
