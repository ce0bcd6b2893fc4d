package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.store.chat.Room;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * What the MUC end-to-end tests share: one server per test class with alice, bob, carol and dave (every user is in
 * the bootstrap category "General", which lets all users of the domain join its rooms and create rooms there),
 * connections for alice, bob and carol, and helpers to create, configure and read rooms.
 */
abstract class MucTestBase {
    static final AtomicInteger ROOMS = new AtomicInteger();
    static PerchTestServer server;
    static XMPPTCPConnection alice;
    static XMPPTCPConnection bob;
    static XMPPTCPConnection carol;
    final List<XMPPTCPConnection> extra = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = PerchTestServer.start();
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            server.addUser(user);
        }
        alice = SmackClients.login(server, "alice", "desk");
        bob = SmackClients.login(server, "bob", "desk");
        carol = SmackClients.login(server, "carol", "desk");
    }

    @AfterAll
    static void stopServer() {
        for (XMPPTCPConnection c : List.of(alice, bob, carol)) {
            c.disconnect();
        }
        server.close();
    }

    @AfterEach
    void disconnectExtraClients() {
        extra.forEach(XMPPTCPConnection::disconnect);
    }

    static List<String> bodies(MamManager mam, MamManager.MamQueryArgs.Builder args) throws Exception {
        return mam.queryArchive(args.build()).getMessages().stream().map(Message::getBody).toList();
    }

    static FormField text(String var, String value) {
        return FormField.textSingleBuilder(var).setValue(value).build();
    }

    static FormField fulltext(String words) {
        return text("{urn:xmpp:fulltext:0}fulltext", words);
    }

    static List<String> search(MamManager archive, String words) throws Exception {
        return bodies(archive, MamManager.MamQueryArgs.builder().withAdditionalFormField(fulltext(words)));
    }

    // ---- helpers ----

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                              StanzaError.Condition condition) {
        assertThatThrownBy(call).isInstanceOfSatisfying(XMPPErrorException.class,
                e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(condition));
    }

    /** The room's next message with a body or a retraction; the subject that ends a join is skipped. */
    static Message next(MultiUserChat room) throws Exception {
        while (true) {
            Message m = room.nextMessage(SmackClients.REPLY_TIMEOUT_MILLIS);
            assertThat(m).as("a message from " + room.getRoom()).isNotNull();
            if (m.getBody() != null || m.getExtension(new QName("urn:xmpp:message-retract:1", "retract")) != null) {
                return m;
            }
        }
    }



    /** The bodies of the room's next {@code count} messages, in the order they arrived. */
    static List<String> nextBodies(MultiUserChat room, int count) throws Exception {
        List<String> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(next(room).getBody());
        }
        return bodies;
    }

    static void deleteRecursively(java.nio.file.Path dir) throws java.io.IOException {
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (java.nio.file.Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }

    static MultiUserChat newRoom(XMPPTCPConnection owner) throws Exception {
        EntityBareJid jid = JidCreate.entityBareFrom("room" + ROOMS.incrementAndGet() + "@chat.localhost");
        MultiUserChat room = MultiUserChatManager.getInstanceFor(owner).getMultiUserChat(jid);
        room.create(Resourcepart.from(owner.getUser().getLocalpart().toString())).makeInstant();
        return room;
    }

    MultiUserChat joinFresh(MultiUserChat room, String nick,
                                    java.util.function.UnaryOperator<org.jivesoftware.smackx.muc.MucEnterConfiguration.Builder> asked)
            throws Exception {
        XMPPTCPConnection connection = track(SmackClients.login(server, "bob", nick));
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(room.getRoom());
        muc.join(asked.apply(muc.getEnterConfigurationBuilder(Resourcepart.from(nick))).build());
        return muc;
    }

    static MultiUserChat join(XMPPTCPConnection who, MultiUserChat room, String nick) throws Exception {
        MultiUserChat joined = MultiUserChatManager.getInstanceFor(who).getMultiUserChat(room.getRoom());
        joined.join(Resourcepart.from(nick));
        return joined;
    }

    static void configure(MultiUserChat room, String field, List<String> values) throws Exception {
        FillableForm form = room.getConfigurationForm().getFillableForm();
        FormField.Type type = form.getField(field).getType();
        if (type == FormField.Type.jid_multi || type == FormField.Type.list_multi) {
            form.setAnswer(field, values);
        } else {
            form.setAnswer(field, values.getFirst());
        }
        room.sendConfigurationForm(form);
    }

    static Room storedRoom(MultiUserChat room) {
        return server.server().store().rooms().findByAddress(room.getRoom().getLocalpart().toString()).orElseThrow();
    }

    /** The room's XEP-0359 stanza-id on a message it broadcast. */
    static String stanzaId(Message m) {
        org.jivesoftware.smack.packet.XmlElement sid = m.getExtension(new QName("urn:xmpp:sid:0", "stanza-id"));
        assertThat(sid).as("stanza-id in " + m.toXML()).isNotNull();
        String xml = sid.toXML().toString();
        int start = xml.indexOf(" id='") >= 0 ? xml.indexOf(" id='") + 5 : xml.indexOf(" id=\"") + 5;
        return xml.substring(start, xml.indexOf(xml.charAt(start - 1), start));
    }

    static StanzaError discoInfoError(XMPPTCPConnection who, EntityBareJid room) {
        try {
            ServiceDiscoveryManager.getInstanceFor(who).discoverInfo(room);
            throw new AssertionError("disco#info to " + room + " succeeded");
        } catch (XMPPErrorException e) {
            return e.getStanzaError();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<String> listedRooms(XMPPTCPConnection who) throws Exception {
        DiscoverItems items = ServiceDiscoveryManager.getInstanceFor(who)
                .discoverItems(JidCreate.domainBareFrom("chat.localhost"));
        return items.getItems().stream().map(i -> i.getEntityID().toString()).toList();
    }

    XMPPTCPConnection track(XMPPTCPConnection c) {
        extra.add(c);
        return c;
    }
}
