package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.it.PepClients.BOOKMARKS;
import static org.perch.it.PepClients.bookmark;
import static org.perch.it.PepClients.displayed;
import static org.perch.it.PepClients.followed;
import static org.perch.it.PepClients.fullReply;
import static org.perch.it.PepClients.items;
import static org.perch.it.PepClients.login;
import static org.perch.it.PepClients.options;
import static org.perch.it.PepClients.publish;
import static org.perch.it.PepClients.reply;

import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.testing.RawXmppClient;

/**
 * Followed rooms and read state: who may read an account's bookmarks, which publish-options are refused, and
 * Perch's followed-rooms query ({@code urn:perch:followed:0}) with unread counts after a XEP-0490 read marker.
 */
class FollowedRoomsIT extends MucTestBase {

    @Test
    @DisplayName("Another user cannot read your bookmarks node (whitelist: closed-node)")
    void anotherUserShouldNotReadYourBookmarks() {
        try (RawXmppClient asAlice = login(server, "alice", "raw"); RawXmppClient asBob = login(server, "bob", "raw")) {
            asAlice.send(bookmark("pub1", "secret-plans@chat.localhost", "Secret plans"));
            assertThat(reply(asAlice, "pub1")).contains("type=\"result\"");

            asBob.send(items("steal1", "alice@localhost", BOOKMARKS));
            String refused = fullReply(asBob, "steal1");
            assertThat(refused).contains("type=\"error\"").contains("<not-allowed").contains("<closed-node")
                    .doesNotContain("secret-plans");

            asBob.send(publish("forge1", BOOKMARKS, "x@chat.localhost", "<conference xmlns='urn:xmpp:bookmarks:1'/>",
                    "").replace("<iq type='set'", "<iq type='set' to='alice@localhost'"));
            assertThat(fullReply(asBob, "forge1")).contains("type=\"error\"").contains("<forbidden");
        }
    }

    @Test
    @DisplayName("Publish-options Perch does not offer, or that contradict the node, are refused with precondition-not-met")
    void badPublishOptionsShouldBeRefused() {
        try (RawXmppClient asCarol = login(server, "carol", "raw")) {
            asCarol.send(publish("p1", "urn:example:n1", "i", "<x xmlns='urn:example'/>",
                    options("true", "max", "never", "authorize")));
            assertThat(fullReply(asCarol, "p1")).contains("type=\"error\"").contains("<conflict")
                    .contains("<precondition-not-met");

            asCarol.send(publish("p2", "urn:example:n1", "i", "<x xmlns='urn:example'/>",
                    options("true", "lots", "never", "whitelist")));
            assertThat(fullReply(asCarol, "p2")).contains("type=\"error\"").contains("<bad-request");

            asCarol.send(publish("p3", "urn:example:n1", "i", "<x xmlns='urn:example'/>",
                    options("true", "max", "never", "whitelist")));
            assertThat(reply(asCarol, "p3")).contains("type=\"result\"");

            asCarol.send(publish("p4", "urn:example:n1", "i", "<x xmlns='urn:example'/>",
                    options("true", "max", "never", "open")));
            assertThat(fullReply(asCarol, "p4")).contains("type=\"error\"").contains("<precondition-not-met")
                    .contains("access_model is whitelist");
        }
    }

    @Test
    @DisplayName("A read marker (XEP-0490) set, three more posts: the followed room shows 3 unread and the newest id")
    void unreadCountShouldFollowTheReadMarker() throws Exception {
        MultiUserChat room = newRoom(alice);
        String roomJid = room.getRoom().toString();
        room.sendMessage("first");
        next(room);
        room.sendMessage("second");
        String read = stanzaId(next(room));
        try (RawXmppClient asAlice = login(server, "alice", "raw")) {
            asAlice.send(bookmark("b1", roomJid, "Planning"));
            reply(asAlice, "b1");
            asAlice.send(displayed("m1", roomJid, read));
            reply(asAlice, "m1");

            String newest = "";
            for (String body : List.of("third", "fourth", "fifth")) {
                room.sendMessage(body);
                Message echo = next(room);
                newest = stanzaId(echo);
            }

            asAlice.send(followed("f1"));
            String list = fullReply(asAlice, "f1");
            assertThat(list).contains("jid=\"" + roomJid + "\"").contains("last-read=\"" + read + "\"")
                    .contains("unread=\"3\"").contains("newest=\"" + newest + "\"").doesNotContain("capped");
        }
    }

    @Test
    @DisplayName("A Secret room you were removed from leaves your followed rooms without a trace")
    void secretRoomYouLostShouldNotBeListed() throws Exception {
        MultiUserChat room = newRoom(alice);
        String roomJid = room.getRoom().toString();
        configure(room, "perch#members", List.of("bob@localhost"));
        configure(room, "perch#privacy", List.of("secret"));
        try (RawXmppClient asBob = login(server, "bob", "raw")) {
            asBob.send(bookmark("b1", roomJid, "Hush"));
            reply(asBob, "b1");
            asBob.send(followed("f1"));
            assertThat(fullReply(asBob, "f1")).contains("jid=\"" + roomJid + "\"");

            configure(room, "perch#members", List.of("carol@localhost"));

            asBob.send(followed("f2"));
            String list = fullReply(asBob, "f2");
            assertThat(list).contains("type=\"result\"").doesNotContain(room.getRoom().getLocalpart().toString());
        }
    }
}
