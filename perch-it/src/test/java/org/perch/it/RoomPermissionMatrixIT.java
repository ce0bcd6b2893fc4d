package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.store.chat.Category;
import org.perch.store.chat.CategoryFlags;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * The Lync access rules (spec §5) cell by cell, over real sockets: for each privacy and type, what each kind of
 * user can do. The expected table is written out by hand from the spec; the test fills the actual one by trying
 * every action as that user, and compares the two whole.
 *
 * <p>Category "Desk" allows alice (its creator, so the rooms' manager), pete, mary, nina and dan, denies dan, and
 * has invitations on; "Analysts" allows only olga. root is a Persistent Chat administrator outside both. In
 * Closed and Secret rooms pete and mary are members; in auditoriums pete is also a presenter (Open rooms have no
 * members). ivy receives the invitations.
 */
class RoomPermissionMatrixIT {
    private static final String[] USERS = {"manager:alice", "presenter:pete", "member:mary", "allowed:nina",
            "denied:dan", "other-category:olga", "administrator:root"};

    /** privacy type user: list discover join post read-history invite configure search. */
    private static final List<String> EXPECTED = List.of(
            "open normal manager: Y Y Y Y Y Y Y Y",
            "open normal presenter: Y Y Y Y Y Y N Y",
            "open normal member: Y Y Y Y Y Y N Y",
            "open normal allowed: Y Y Y Y Y Y N Y",
            "open normal denied: N N N N N N N N",
            "open normal other-category: N N N N N N N N",
            "open normal administrator: Y Y Y Y Y Y Y Y",
            "open auditorium manager: Y Y Y N Y Y Y Y",
            "open auditorium presenter: Y Y Y Y Y Y N Y",
            "open auditorium member: Y Y Y N Y Y N Y",
            "open auditorium allowed: Y Y Y N Y Y N Y",
            "open auditorium denied: N N N N N N N N",
            "open auditorium other-category: N N N N N N N N",
            "open auditorium administrator: Y Y Y N Y Y Y Y",
            "closed normal manager: Y Y Y Y Y Y Y Y",
            "closed normal presenter: Y Y Y Y Y Y N Y",
            "closed normal member: Y Y Y Y Y Y N Y",
            "closed normal allowed: Y Y N N N N N N",
            "closed normal denied: N N N N N N N N",
            "closed normal other-category: N N N N N N N N",
            "closed normal administrator: Y Y Y Y Y Y Y Y",
            "closed auditorium manager: Y Y Y N Y Y Y Y",
            "closed auditorium presenter: Y Y Y Y Y Y N Y",
            "closed auditorium member: Y Y Y N Y Y N Y",
            "closed auditorium allowed: Y Y N N N N N N",
            "closed auditorium denied: N N N N N N N N",
            "closed auditorium other-category: N N N N N N N N",
            "closed auditorium administrator: Y Y Y N Y Y Y Y",
            "secret normal manager: Y Y Y Y Y Y Y Y",
            "secret normal presenter: Y Y Y Y Y Y N Y",
            "secret normal member: Y Y Y Y Y Y N Y",
            "secret normal allowed: N N N N N N N N",
            "secret normal denied: N N N N N N N N",
            "secret normal other-category: N N N N N N N N",
            "secret normal administrator: Y Y Y Y Y Y Y Y",
            "secret auditorium manager: Y Y Y N Y Y Y Y",
            "secret auditorium presenter: Y Y Y Y Y Y N Y",
            "secret auditorium member: Y Y Y N Y Y N Y",
            "secret auditorium allowed: N N N N N N N N",
            "secret auditorium denied: N N N N N N N N",
            "secret auditorium other-category: N N N N N N N N",
            "secret auditorium administrator: Y Y Y N Y Y Y Y");

    private static PerchTestServer server;
    private static final Map<String, XMPPTCPConnection> CLIENTS = new LinkedHashMap<>();
    private static XMPPTCPConnection ivy;

    @BeforeAll
    static void startServer() {
        server = PerchTestServer.start(Map.of("chat.bootstrap-category", ""));
        for (String user : List.of("alice", "pete", "mary", "nina", "dan", "olga", "ivy")) {
            server.addUser(user);
        }
        server.addAdmin("root");
        Set<Principal> desk = Set.of(user("alice"), user("pete"), user("mary"), user("nina"), user("dan"));
        server.server().store().categories().create(Category.named("Desk").withAllowedMembers(desk)
                .withDeniedMembers(Set.of(user("dan"))).withCreators(Set.of(user("alice")))
                .withFlags(CategoryFlags.DEFAULTS.withInvitations(true)));
        server.server().store().categories().create(Category.named("Analysts").withAllowedMembers(Set.of(user("olga"))));
        for (String entry : USERS) {
            String name = entry.substring(entry.indexOf(':') + 1);
            CLIENTS.put(name, SmackClients.login(server, name, "matrix"));
        }
        ivy = SmackClients.login(server, "ivy", "inbox");
    }

    @AfterAll
    static void stopServer() {
        CLIENTS.values().forEach(XMPPTCPConnection::disconnect);
        ivy.disconnect();
        server.close();
    }

    @Test
    @DisplayName("Lync §5: privacy × type × kind of user × {list, discover, join, post, read, invite, configure, search}")
    void everyCellOfThePermissionMatrixShouldHold() throws Exception {
        XMPPTCPConnection setup = SmackClients.login(server, "alice", "setup");
        List<String> actual = new ArrayList<>();
        try {
            for (String privacy : List.of("open", "closed", "secret")) {
                for (String type : List.of("normal", "auditorium")) {
                    EntityBareJid room = createRoom(setup, privacy, type);
                    for (String entry : USERS) {
                        String kind = entry.substring(0, entry.indexOf(':'));
                        String name = entry.substring(entry.indexOf(':') + 1);
                        actual.add(privacy + " " + type + " " + kind + ": " + probe(CLIENTS.get(name), room));
                    }
                }
            }
        } finally {
            setup.disconnect();
        }
        assertThat(actual).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    @DisplayName("XEP-0249: a direct invitation follows the same rule as a mediated one")
    void directInvitationShouldFollowTheRoomsInvitationRule() throws Exception {
        XMPPTCPConnection setup = SmackClients.login(server, "alice", "direct");
        try {
            EntityBareJid room = createRoom(setup, "closed", "normal", "direct");
            CompletableFuture<Message> atIvy = new CompletableFuture<>();
            StanzaListener listener = s -> atIvy.complete((Message) s);
            ivy.addAsyncStanzaListener(listener, s -> s instanceof Message m
                    && m.getExtension(new QName("jabber:x:conference", "x")) != null);
            try {
                assertThat(directInvite(CLIENTS.get("nina"), room).getError().getCondition())
                        .as("nina is not a member of the Closed room").isEqualTo(StanzaError.Condition.forbidden);
                assertThat(directInvite(CLIENTS.get("olga"), room).getError().getCondition())
                        .as("to olga, outside the category, the room does not exist")
                        .isEqualTo(StanzaError.Condition.item_not_found);
                XMPPTCPConnection mary = CLIENTS.get("mary");
                mary.sendStanza(directInviteStanza(mary, room));
                assertThat(atIvy.get(SmackClients.REPLY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).getFrom().asBareJid()
                        .toString()).isEqualTo("mary@localhost");
            } finally {
                ivy.removeAsyncStanzaListener(listener);
            }
        } finally {
            setup.disconnect();
        }
    }

    private static Message directInviteStanza(XMPPTCPConnection from, EntityBareJid room) throws Exception {
        return from.getStanzaFactory().buildMessageStanza().to(JidCreate.entityBareFrom("ivy@localhost"))
                .addExtension(StandardExtensionElement.builder("x", "jabber:x:conference")
                        .addAttribute("jid", room.toString()).build())
                .build();
    }

    private static Stanza directInvite(XMPPTCPConnection from, EntityBareJid room) throws Exception {
        Message invite = directInviteStanza(from, room);
        try (StanzaCollector reply = from.createStanzaCollectorAndSend(new StanzaIdFilter(invite.getStanzaId()),
                invite)) {
            return reply.nextResultOrThrow(SmackClients.REPLY_TIMEOUT_MILLIS);
        } catch (XMPPErrorException e) {
            return e.getStanza();
        }
    }

    private static EntityBareJid createRoom(XMPPTCPConnection alice, String privacy, String type) throws Exception {
        return createRoom(alice, privacy, type, "matrix");
    }

    private static EntityBareJid createRoom(XMPPTCPConnection alice, String privacy, String type, String prefix)
            throws Exception {
        EntityBareJid jid = JidCreate.entityBareFrom(prefix + "-" + privacy + "-" + type + "@chat.localhost");
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(alice).getMultiUserChat(jid);
        muc.create(Resourcepart.from("setup")).makeInstant();
        FillableForm form = muc.getConfigurationForm().getFillableForm();
        form.setAnswer("perch#privacy", privacy);
        form.setAnswer("perch#type", type);
        if (!privacy.equals("open")) {
            form.setAnswer("perch#members", List.of("pete@localhost", "mary@localhost"));
        }
        if (type.equals("auditorium")) {
            form.setAnswer("perch#presenters", List.of("pete@localhost"));
        }
        muc.sendConfigurationForm(form);
        muc.leave();
        return jid;
    }

    /** Tries every action as this user; "Y" or "N" for each, in the order of the table. */
    private static String probe(XMPPTCPConnection c, EntityBareJid room) throws Exception {
        List<Boolean> cells = new ArrayList<>();
        cells.add(ServiceDiscoveryManager.getInstanceFor(c).discoverItems(JidCreate.domainBareFrom("chat.localhost"))
                .getItems().stream().anyMatch(i -> i.getEntityID().equals(room)));
        cells.add(succeeds(() -> ServiceDiscoveryManager.getInstanceFor(c).discoverInfo(room)));
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(c).getMultiUserChat(room);
        boolean joined = succeeds(() -> muc.join(Resourcepart.from(c.getUser().getLocalpart() + "-m")));
        cells.add(joined);
        cells.add(joined && posts(c, muc));
        cells.add(succeeds(() -> {
            MamManager mam = MamManager.getInstanceFor(muc);
            mam.isSupported();
            mam.queryArchive(MamManager.MamQueryArgs.builder().build());
        }));
        cells.add(joined && invites(c, room));
        cells.add(succeeds(muc::getConfigurationForm));
        cells.add(succeeds(() -> {
            MamManager mam = MamManager.getInstanceFor(muc);
            mam.isSupported();
            mam.queryArchive(MamManager.MamQueryArgs.builder().withAdditionalFormField(
                    FormField.textSingleBuilder("{urn:xmpp:fulltext:0}fulltext").setValue("cell").build()).build());
        }));
        if (joined) {
            muc.leave();
        }
        return String.join(" ", cells.stream().map(b -> b ? "Y" : "N").toList());
    }

    /** The room echoes an accepted message with its id, or returns an error with it. */
    private static boolean posts(XMPPTCPConnection c, MultiUserChat muc) throws Exception {
        Message m = c.getStanzaFactory().buildMessageStanza().to(muc.getRoom()).ofType(Message.Type.groupchat)
                .setBody("cell").build();
        try (StanzaCollector reply = c.createStanzaCollectorAndSend(new AndFilter(new StanzaIdFilter(m.getStanzaId()),
                FromMatchesFilter.create(muc.getRoom())), m)) {
            Stanza s = reply.nextResultOrThrow(SmackClients.REPLY_TIMEOUT_MILLIS);
            return s instanceof Message echo && echo.getType() == Message.Type.groupchat;
        } catch (XMPPErrorException e) {
            return false;
        }
    }

    /** An allowed invitation reaches ivy from the room; a refused one comes back to the inviter as an error. */
    private static boolean invites(XMPPTCPConnection c, EntityBareJid room) throws Exception {
        String token = "from " + c.getUser() + " to " + room;
        MUCUser x = new MUCUser();
        x.setInvite(new MUCUser.Invite(token, JidCreate.entityBareFrom("ivy@localhost")));
        Message invite = c.getStanzaFactory().buildMessageStanza().to(room).addExtension(x).build();
        CompletableFuture<Boolean> outcome = new CompletableFuture<>();
        StanzaListener delivered = s -> outcome.complete(true);
        StanzaFilter atIvy = s -> s instanceof Message m && m.getExtension(MUCUser.class) != null
                && m.getExtension(MUCUser.class).getInvite() != null
                && token.equals(m.getExtension(MUCUser.class).getInvite().getReason());
        StanzaListener refused = s -> outcome.complete(false);
        StanzaFilter error = new AndFilter(new StanzaIdFilter(invite.getStanzaId()), MessageTypeFilter.ERROR);
        ivy.addAsyncStanzaListener(delivered, atIvy);
        c.addAsyncStanzaListener(refused, error);
        try {
            c.sendStanza(invite);
            return outcome.get(SmackClients.REPLY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } finally {
            ivy.removeAsyncStanzaListener(delivered);
            c.removeAsyncStanzaListener(refused);
        }
    }

    private static boolean succeeds(ThrowingAction action) throws Exception {
        try {
            action.run();
            return true;
        } catch (XMPPErrorException e) {
            return false;
        }
    }

    private static Principal user(String local) {
        return Principal.user(Jid.bare(local, PerchTestServer.DOMAIN));
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }
}
