package org.perch.xmpp.muc;

import java.util.List;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;

/** Sorts a stanza addressed to a room (or to one of its occupants) to what the room does with it. Runs as a room task. */
final class RoomStanzas {
    private RoomStanzas() {
    }

    static void dispatch(LiveRoom live, ClientSession from, XmlElement stanza, String nick, boolean created) {
        boolean join = Stanzas.isPresence(stanza) && Stanzas.type(stanza).isEmpty();
        if (!join && live.occupant(from.jid()).isEmpty() && !live.access(from.bareJid()).canSee()) {
            // A room the sender may not see (Secret, disabled, another category's) answers whatever is sent to it,
            // its occupants included, as a missing room does (MucService#route): "join first" or "only occupants
            // may address occupants" would tell that it exists. A join is refused alike by LiveRoom#join.
            if (ChatErrors.answeredAsMissing(stanza)) {
                throw ChatErrors.noSuchRoom();
            }
            return;
        }
        switch (stanza.name()) {
            case "presence" -> presence(live, from, stanza, nick, created);
            case "message" -> message(live, from, stanza, nick);
            case "iq" -> {
                if (nick.isEmpty()) {
                    new RoomIq(live).handle(from, stanza);
                } else {
                    relayIq(live, from, stanza, nick);
                }
            }
            default -> throw new StanzaException(StanzaErrorCondition.BAD_REQUEST);
        }
    }

    private static void presence(LiveRoom live, ClientSession from, XmlElement presence, String nick,
                                 boolean created) {
        Optional<Occupant> me = live.occupant(from.jid());
        switch (Stanzas.type(presence)) {
            case "" -> {
                if (me.isPresent()) {
                    live.changePresence(me.get(), presence, nick);
                } else {
                    live.join(from, presence, nick, created);
                }
            }
            case "unavailable" -> me.ifPresent(o -> live.leave(o, List.of()));
            default -> { }
        }
    }

    private static void message(LiveRoom live, ClientSession from, XmlElement message, String nick) {
        String type = Stanzas.type(message);
        if (type.equals("error")) {
            return;
        }
        if (type.equals("groupchat")) {
            if (!nick.isEmpty()) {
                throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "send groupchat messages to the room");
            }
            Groupchat.handle(live, from, message);
            return;
        }
        Occupant me = live.occupant(from.jid()).orElseThrow(() -> new StanzaException(
                StanzaErrorCondition.NOT_ACCEPTABLE, "join the room before sending to it"));
        if (!nick.isEmpty()) {
            privateMessage(live, me, message, nick);
            return;
        }
        Optional<XmlElement> invite = message.child("x", MucNamespaces.USER).flatMap(x -> x.child("invite",
                MucNamespaces.USER));
        if (invite.isEmpty()) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "messages to a room are groupchat or invitations");
        }
        invite(live, me, invite.get());
    }

    /**
     * §6.7 and §7.5: an IQ between occupants travels from one room address to the other and keeps its id, so the
     * answer finds its way back the same way. Non-occupants get bad-request, as the XEP requires.
     */
    private static void relayIq(LiveRoom live, ClientSession from, XmlElement iq, String nick) {
        Occupant me = live.occupant(from.jid()).orElseThrow(() -> new StanzaException(
                StanzaErrorCondition.BAD_REQUEST, "only occupants may address other occupants"));
        Occupant to = live.occupants.get(nick);
        if (to == null) {
            throw new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND, "no occupant with that nickname");
        }
        live.deliverAnywhere(to, iq.withAttribute("from", OccupantStanzas.occupantJid(live.jid, me.nick()))
                .withAttribute("to", to.jid().toString()));
    }

    /**
     * §7.5: a private message between occupants goes to the recipient's real address, from the sender's room one. As
     * for a groupchat message, the room sets the sender's occupant-id (XEP-0421 §4: on every message a room sends)
     * and drops any the sender wrote, so a private message cannot pass for another occupant's.
     */
    private static void privateMessage(LiveRoom live, Occupant me, XmlElement message, String nick) {
        Occupant to = live.occupants.get(nick);
        if (to == null) {
            throw new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND, "no occupant with that nickname");
        }
        live.deliverAnywhere(to, XmlElement.builder("message", Namespaces.CLIENT)
                .attribute("from", OccupantStanzas.occupantJid(live.jid, me.nick()))
                .attribute("to", to.jid().toString()).attribute("type", message.attributeOr("type", "chat"))
                .attribute("id", message.attribute("id").orElse(null))
                .children(Groupchat.clientChildren(message))
                .child(XmlElement.empty("x", MucNamespaces.USER))
                .child(OccupantStanzas.occupantId(live.jid, me)).build());
    }

    /**
     * §7.8.2 mediated invitation, allowed only where the category allows invitations and the room does not
     * switch them off (Lync). An invitation tells; it grants no membership.
     */
    private static void invite(LiveRoom live, Occupant me, XmlElement invite) {
        if (!live.access(me.jid()).canInvite()) {
            throw new StanzaException(StanzaErrorCondition.FORBIDDEN, "invitations are off in this room");
        }
        Jid invitee = Jid.parse(invite.attributeOr("to", "")).orElseThrow(() -> new StanzaException(
                StanzaErrorCondition.JID_MALFORMED, "an invitation needs a valid 'to'"));
        XmlElement.Builder relayed = XmlElement.builder("invite", MucNamespaces.USER)
                .attribute("from", me.jid().toBare().toString());
        invite.childText("reason", MucNamespaces.USER).ifPresent(r -> relayed.textChild("reason", MucNamespaces.USER, r));
        XmlElement message = XmlElement.builder("message", Namespaces.CLIENT).attribute("from", live.jid.toString())
                .attribute("to", invitee.toString())
                .child(XmlElement.builder("x", MucNamespaces.USER).child(relayed.build()).build())
                .child(XmlElement.builder("x", MucNamespaces.CONFERENCE).attribute("jid", live.jid.toString()).build())
                .build();
        for (var session : invitee.hasResource() ? live.ctx.sessions().find(invitee).stream().toList()
                : live.ctx.sessions().sessionsOf(invitee)) {
            session.deliver(message.withAttribute("to", session.jid().toString()));
        }
    }
}
