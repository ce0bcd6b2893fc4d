package org.perch.xmpp.muc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.perch.domain.chat.MessageFeed;
import org.perch.domain.chat.RoomAccess;
import org.perch.domain.files.FileSharing;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomType;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlNode;

/**
 * A groupchat message from an occupant (XEP-0045 §7.4): a retraction, a subject change (managers only), or a
 * post. A post gets the room's stanza-id and the poster's occupant-id and, when the category keeps history, is
 * broadcast only once the history writer has stored it; if storing fails, nobody receives it and the sender gets
 * an error. Runs as a room task; the broadcast runs as a later one, in the order messages were stored. In a pool
 * the broadcast is the pool feed's ({@link MucService#fromPool}), so that every server delivers in one order.
 */
final class Groupchat {
    private Groupchat() {
    }

    static void handle(LiveRoom live, ClientSession from, XmlElement message) {
        Occupant me = live.occupant(from.jid()).orElseThrow(() -> new StanzaException(
                StanzaErrorCondition.NOT_ACCEPTABLE, "join the room before sending to it"));
        Optional<XmlElement> retract = Retractions.retractIn(message);
        if (retract.isPresent()) {
            Retractions.byAuthor(live, from, me, retract.get());
            return;
        }
        Optional<String> subject = message.childText("subject", Namespaces.CLIENT);
        Optional<String> body = message.childText("body", Namespaces.CLIENT);
        RoomAccess access = live.access(from.bareJid());
        if (subject.isPresent() && body.isEmpty()) {
            if (!access.canConfigure()) {
                throw new StanzaException(StanzaErrorCondition.FORBIDDEN, "only the room's managers change its subject");
            }
            Room changed = live.ctx.chat().updateRoom(from.bareJid(), live.room.id(), r -> r.withSubject(subject.get()));
            live.broadcastEverywhere(XmlElement.builder("message", Namespaces.CLIENT)
                    .attribute("from", OccupantStanzas.occupantJid(live.jid, me.nick())).attribute("type", "groupchat")
                    .textChild("subject", Namespaces.CLIENT, changed.subject()).build());
            return;
        }
        if (!access.canPost()) {
            throw new StanzaException(StanzaErrorCondition.FORBIDDEN, live.room.settings().type() == RoomType.AUDITORIUM
                    ? "only presenters post in this auditorium" : "you may not post in this room");
        }
        checkFiles(live, from, message);
        post(live, from, message, me, body.orElse(""));
    }

    /**
     * A post carrying a file its sender uploaded and has not posted yet posts that file in this room, which the
     * room's category must allow (ADR 0007); otherwise the message is refused and nothing is stored.
     */
    private static void checkFiles(LiveRoom live, ClientSession from, XmlElement message) {
        Optional<FileSharing> files = live.ctx.services().files();
        if (files.isEmpty() || live.category.flags().fileUpload()) {
            return;
        }
        String text = ReaderLinks.fileText(message);
        if (files.get().links().mayMention(text) && !files.get().postable(from.bareJid(), text).isEmpty()) {
            throw new StanzaException(StanzaErrorCondition.NOT_ALLOWED, "this room's category does not allow files");
        }
    }

    private static void post(LiveRoom live, ClientSession from, XmlElement message, Occupant me, String body) {
        String stanzaId = UUID.randomUUID().toString();
        XmlElement out = XmlElement.builder("message", Namespaces.CLIENT)
                .attribute("from", OccupantStanzas.occupantJid(live.jid, me.nick())).attribute("type", "groupchat")
                .attribute("id", message.attribute("id").orElse(null))
                .children(clientChildren(message))
                .child(XmlElement.builder("stanza-id", MucNamespaces.STANZA_ID).attribute("id", stanzaId)
                        .attribute("by", live.jid.toString()).build())
                .child(OccupantStanzas.occupantId(live.jid, me))
                .build();
        if (!live.category.flags().chatHistory()) {
            live.ctx.services().files().ifPresent(files -> files.postWithoutHistory(live.room.id(), from.bareJid(),
                    ReaderLinks.fileText(message)));
            live.broadcastEverywhere(out);
            return;
        }
        Optional<MessageFeed> pool = live.ctx.services().feed();
        PostedMessage posted = new PostedMessage(live.room.id(), stanzaId, live.ctx.clock().instant(),
                from.bareJid(), me.nick(), body, StoredStanza.write(out));
        live.ctx.writer().post(posted).whenComplete((stored, failure) -> live.submitAlways(() -> {
            if (failure == null) {
                if (pool.isEmpty()) {
                    live.broadcast(out); // in a pool it comes back through the feed, in the pool's one order
                }
            } else {
                LiveRoom.bounce(from, message, ChatErrors.storeFailed(failure));
            }
        }));
    }

    /** What the sender wrote, without ids and markers only the room may set (a private message's too). */
    static List<XmlNode> clientChildren(XmlElement message) {
        return message.children().stream().filter(n -> !(n instanceof XmlElement e)
                || !(e.is("stanza-id", MucNamespaces.STANZA_ID) || e.namespace().equals(MucNamespaces.OCCUPANT_ID)
                || e.namespace().equals(MucNamespaces.USER))).toList();
    }
}
