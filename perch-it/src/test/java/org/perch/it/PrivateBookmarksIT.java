package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.it.PepClients.BOOKMARKS;
import static org.perch.it.PepClients.bookmark;
import static org.perch.it.PepClients.followed;
import static org.perch.it.PepClients.fullReply;
import static org.perch.it.PepClients.items;
import static org.perch.it.PepClients.login;
import static org.perch.it.PepClients.reply;

import java.util.List;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.bookmarks.BookmarkManager;
import org.jivesoftware.smackx.bookmarks.BookmarkedConference;
import org.jivesoftware.smackx.bookmarks.Bookmarks;
import org.jivesoftware.smackx.iqprivate.PrivateDataManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.testing.RawXmppClient;
import org.perch.testing.SmackClients;

/**
 * XEP-0048 bookmarks in private XML storage (XEP-0049) and XEP-0402 bookmarks are one list
 * ({@code urn:xmpp:bookmarks:1#compat}): Smack's {@link BookmarkManager} (private storage) on one side, raw XEP-0402
 * requests and the followed-rooms query on the other. Each test has an account of its own.
 */
class PrivateBookmarksIT extends MucTestBase {

    @Test
    @DisplayName("XEP-0402 §5.3.2: a private-storage bookmark is a XEP-0402 item, notified and followed")
    void aLegacyBookmarkShouldBeAXep0402ItemAndAFollowedRoom() throws Exception {
        server.addUser("pat");
        MultiUserChat room = newRoom(alice);
        configure(room, "perch#members", List.of("pat@localhost"));
        EntityBareJid roomJid = room.getRoom();
        XMPPTCPConnection legacy = smack("pat");
        try (RawXmppClient modern = login(server, "pat", "modern")) {
            BookmarkManager.getBookmarkManager(legacy).addBookmarkedConference("Planning", roomJid, true,
                    Resourcepart.from("pat"), null);

            assertThat(modern.expect("<message[^>]*type=\"headline\".*?</message>").group())
                    .as("the XEP-0402 client is told, as if another XEP-0402 client had published it")
                    .contains("node=\"" + BOOKMARKS + "\"").contains("id=\"" + roomJid + "\"")
                    .contains("name=\"Planning\"").contains("<nick>pat</nick>");
            modern.send(items("i1", "", BOOKMARKS));
            assertThat(fullReply(modern, "i1")).contains("item id=\"" + roomJid + "\"")
                    .contains("xmlns=\"urn:xmpp:bookmarks:1\"").contains("autojoin=\"true\"");
            modern.send(followed("f1"));
            assertThat(fullReply(modern, "f1")).contains("jid=\"" + roomJid + "\"");

            BookmarkManager.getBookmarkManager(legacy).removeBookmarkedConference(roomJid);

            assertThat(modern.expect("<message[^>]*type=\"headline\".*?</message>").group())
                    .contains("<retract id=\"" + roomJid + "\"");
            modern.send(items("i2", "", BOOKMARKS));
            assertThat(fullReply(modern, "i2")).doesNotContain(roomJid.toString());
            modern.send(followed("f2"));
            assertThat(fullReply(modern, "f2")).contains("type=\"result\"").doesNotContain(roomJid.toString());
        }
    }

    @Test
    @DisplayName("XEP-0402 §5.3.1: a XEP-0402 bookmark shows in private storage, and goes when retracted")
    void aXep0402BookmarkShouldShowInPrivateStorage() throws Exception {
        server.addUser("quinn");
        XMPPTCPConnection legacy = smack("quinn");
        try (RawXmppClient modern = login(server, "quinn", "modern")) {
            modern.send(bookmark("b1", "lobby@chat.localhost", "Lobby"));
            assertThat(reply(modern, "b1")).contains("type=\"result\"");

            List<BookmarkedConference> listed = legacyBookmarks(legacy);
            assertThat(listed).extracting(c -> c.getJid().toString()).containsExactly("lobby@chat.localhost");
            assertThat(listed.getFirst().getName()).isEqualTo("Lobby");
            assertThat(listed.getFirst().isAutoJoin()).isTrue();
            assertThat(listed.getFirst().getNickname()).hasToString("desk");

            modern.send("<iq type='set' id='r1'><pubsub xmlns='http://jabber.org/protocol/pubsub'><retract node='"
                    + BOOKMARKS + "' notify='true'><item id='lobby@chat.localhost'/></retract></pubsub></iq>");
            assertThat(reply(modern, "r1")).contains("type=\"result\"");

            assertThat(legacyBookmarks(legacy)).isEmpty();
        }
    }

    @Test
    @DisplayName("XEP-0049: other private data is kept per element; reserved namespaces and its PEP node are refused")
    void otherPrivateDataShouldBeKeptAndReservedNamespacesRefused() throws Exception {
        server.addUser("robin");
        assertThat(PrivateDataManager.getInstanceFor(smack("robin")).isSupported())
                .as("Smack's probe, which BookmarkManager.isSupported asks too").isTrue();
        try (RawXmppClient client = login(server, "robin", "raw")) {
            client.send("<iq type='set' id='s1'><query xmlns='jabber:iq:private'><prefs xmlns='urn:example:prefs'>"
                    + "<colour>teal</colour></prefs></query></iq>");
            assertThat(reply(client, "s1")).contains("type=\"result\"");
            client.send("<iq type='get' id='g1'><query xmlns='jabber:iq:private'><prefs xmlns='urn:example:prefs'/>"
                    + "</query></iq>");
            assertThat(fullReply(client, "g1")).contains("<colour>teal</colour>");
            client.send("<iq type='get' id='g2'><query xmlns='jabber:iq:private'><notes xmlns='urn:example:notes'/>"
                    + "</query></iq>");
            assertThat(fullReply(client, "g2")).as("nothing stored: the empty element back")
                    .contains("type=\"result\"").contains("<notes xmlns=\"urn:example:notes\"/>");

            client.send("<iq type='set' id='s2'><query xmlns='jabber:iq:private'><vCard xmlns='vcard-temp'>"
                    + "<FN>Robin</FN></vCard></query></iq>");
            assertThat(fullReply(client, "s2")).contains("type=\"error\"").contains("<not-acceptable");
            client.send(items("p1", "", "jabber:iq:private"));
            assertThat(fullReply(client, "p1")).as("the storage's node is out of PEP's reach")
                    .contains("type=\"error\"").contains("<not-allowed").doesNotContain("teal");
        }
    }

    private XMPPTCPConnection smack(String user) {
        XMPPTCPConnection connection = SmackClients.login(server, user, "legacy");
        extra.add(connection);
        return connection;
    }

    /** Read afresh: BookmarkManager keeps what it read first, so a change made elsewhere would not show. */
    private static List<BookmarkedConference> legacyBookmarks(XMPPTCPConnection connection) throws Exception {
        Bookmarks bookmarks = (Bookmarks) PrivateDataManager.getInstanceFor(connection).getPrivateData("storage",
                "storage:bookmarks");
        return bookmarks.getBookmarkedConferences();
    }
}
