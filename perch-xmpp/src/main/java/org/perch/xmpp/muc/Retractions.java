package org.perch.xmpp.muc;

import java.util.Optional;
import org.perch.domain.chat.RoomEvent;
import org.perch.store.chat.ChatMessage;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;

/**
 * Taking messages back: an author's retraction (XEP-0424, a groupchat message carrying {@code <retract/>}) and a
 * manager's moderation (XEP-0425 0.3, an IQ carrying {@code <moderate/>}). Either turns the stored message into a
 * tombstone, so it leaves history replay, the archive's bodies and search, then tells every occupant. Room task.
 */
final class Retractions {
    static final String RETRACT = "urn:xmpp:message-retract:1";
    static final String MODERATE = "urn:xmpp:message-moderate:1";

    private Retractions() {
    }

    static Optional<XmlElement> retractIn(XmlElement message) {
        return message.child("retract", RETRACT);
    }

    /** The author takes back their own message; the room relays the retraction as the author's. */
    static void byAuthor(LiveRoom live, ClientSession from, Occupant me, XmlElement retract) {
        String id = retract.attribute("id").orElseThrow(() -> new StanzaException(StanzaErrorCondition.BAD_REQUEST,
                "<retract/> needs the room's stanza-id of the message"));
        live.ctx.moderation().retract(from.bareJid(), live.room, id, false, "");
        live.broadcastEverywhere(XmlElement.builder("message", Namespaces.CLIENT)
                .attribute("from", OccupantStanzas.occupantJid(live.jid, me.nick())).attribute("type", "groupchat")
                .child(XmlElement.builder("retract", RETRACT).attribute("id", id).build())
                .child(OccupantStanzas.occupantId(live.jid, me))
                .build());
    }

    /** A manager (or administrator) removes someone's message; everyone learns who did it and why. */
    static XmlElement byModerator(LiveRoom live, ClientSession from, XmlElement iq, XmlElement moderate) {
        if (!Stanzas.type(iq).equals("set") || moderate.child("retract", RETRACT).isEmpty()) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "moderation is an IQ set with <retract/>");
        }
        String id = moderate.attribute("id").orElseThrow(() -> new StanzaException(StanzaErrorCondition.BAD_REQUEST,
                "<moderate/> needs the room's stanza-id of the message"));
        String reason = moderate.childText("reason", MODERATE).orElse("");
        ChatMessage tombstone = live.ctx.moderation().retract(from.bareJid(), live.room, id, true, reason);
        XmlElement.Builder moderated = XmlElement.builder("moderated", MODERATE);
        live.occupant(from.jid()).ifPresentOrElse(
                o -> moderated.attribute("by", OccupantStanzas.occupantJid(live.jid, o.nick()))
                        .child(OccupantStanzas.occupantId(live.jid, o)),
                () -> moderated.attribute("by", live.jid.toString()));
        XmlElement.Builder retract = XmlElement.builder("retract", RETRACT).attribute("id", tombstone.stanzaId())
                .child(moderated.build());
        if (!reason.isEmpty()) {
            retract.textChild("reason", RETRACT, reason);
        }
        live.broadcastEverywhere(XmlElement.builder("message", Namespaces.CLIENT).attribute("from", live.jid.toString())
                .attribute("type", "groupchat").child(retract.build()).build());
        return Stanzas.result(iq);
    }

    /**
     * The administrator removed messages (Remove-CsPersistentChatMessage): occupants are told as of a moderation by
     * the room itself, with the replacement text as the reason.
     */
    static void byAdministrator(LiveRoom live, RoomEvent.MessagesRemoved removed) {
        for (String id : removed.stanzaIds()) {
            XmlElement.Builder retract = XmlElement.builder("retract", RETRACT).attribute("id", id)
                    .child(XmlElement.builder("moderated", MODERATE).attribute("by", live.jid.toString()).build());
            removed.replacement().ifPresent(text -> retract.textChild("reason", RETRACT, text));
            live.broadcastEverywhere(XmlElement.builder("message", Namespaces.CLIENT).attribute("from", live.jid.toString())
                    .attribute("type", "groupchat").child(retract.build()).build());
        }
    }
}
