package org.perch.xmpp.im;

import java.util.List;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.domain.account.AccountService;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.session.SessionRegistry;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/**
 * RFC 6121 §8.5 delivery of one-to-one messages between local accounts. A message to a full JID that is not
 * online is treated as sent to the bare JID; a message to the bare JID reaches every available resource with
 * non-negative priority. Perch keeps no offline messages yet, so chat and normal messages to an account with no
 * available resource are answered with {@code service-unavailable}, as §8.5.2.2.1 requires in that case. A direct
 * invitation to a room (XEP-0249) goes through only if the {@link InvitationCheck} allows it.
 */
public final class MessageDelivery {
    /** XEP-0249 direct invitations. */
    static final String CONFERENCE = "jabber:x:conference";

    private final SessionRegistry sessions;
    private final AccountService accounts;
    private final InvitationCheck invitations;

    public MessageDelivery(SessionRegistry sessions, AccountService accounts, InvitationCheck invitations) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.invitations = invitations;
    }

    public void deliver(XmlElement message, Jid to) {
        String type = message.attributeOr("type", "normal");
        Optional<Jid> invitedTo = message.child("x", CONFERENCE).flatMap(x -> x.attribute("jid")).flatMap(Jid::parse);
        if (invitedTo.isPresent()) {
            invitations.check(Stanzas.from(message).orElseThrow().toBare(), invitedTo.get().toBare());
        }
        if (to.hasResource()) {
            var target = sessions.find(to);
            if (target.isPresent()) {
                target.get().deliver(message);
                return;
            }
            if (type.equals("groupchat") || type.equals("error") || type.equals("headline")) {
                return;
            }
        }
        if (type.equals("groupchat")) {
            throw new StanzaException(StanzaErrorCondition.SERVICE_UNAVAILABLE, "not a group chat");
        }
        List<ClientSession> available = sessions.sessionsOf(to.toBare()).stream()
                .filter(s -> s.presence().map(p -> priority(p) >= 0).orElse(false)).toList();
        if (available.isEmpty()) {
            if (type.equals("error") || type.equals("headline")) {
                return;
            }
            if (sessions.sessionsOf(to.toBare()).isEmpty() && accounts.find(to.toBare()).isEmpty()) {
                throw new StanzaException(StanzaErrorCondition.SERVICE_UNAVAILABLE, "no such user");
            }
            throw new StanzaException(StanzaErrorCondition.SERVICE_UNAVAILABLE, to.toBare() + " is not online");
        }
        int best = available.stream().mapToInt(s -> priority(s.presence().orElseThrow())).max().orElse(0);
        for (ClientSession s : available) {
            if (type.equals("headline") || priority(s.presence().orElseThrow()) == best) {
                s.deliver(message);
            }
        }
    }

    static int priority(XmlElement presence) {
        try {
            return presence.childText("priority", presence.namespace()).map(String::strip).map(Integer::parseInt)
                    .orElse(0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

}
