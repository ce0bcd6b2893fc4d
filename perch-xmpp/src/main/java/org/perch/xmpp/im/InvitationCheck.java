package org.perch.xmpp.im;

import org.perch.core.Jid;

/**
 * Decides whether a user may send a direct invitation (XEP-0249) to a room; throws a
 * {@link org.perch.xmpp.stanza.StanzaException} to refuse it. Lync allows invitations only where the room's
 * category allows them and the room does not switch them off.
 */
@FunctionalInterface
public interface InvitationCheck {
    InvitationCheck ANY = (sender, room) -> { };

    void check(Jid sender, Jid room);
}
