package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.core.Principal;
import org.perch.store.chat.Room;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/** The room management page as the server runs it: its own HTTPS listener, and changes that reach occupants live. */
class RoomManagementIT {

    static PerchTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = PerchTestServer.start(Map.of());
        for (String user : List.of("alice", "bob", "carol")) {
            server.addUser(user);
        }
        PageClient.admin(server, "POST", "/api/v1/categories", """
                {"name": "Trading", "allowedMembers": ["domain:localhost"], "creators": ["alice@localhost"]}""");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("The page has its own HTTPS listener with the server's certificate, named in the startup summary")
    void thePageShouldBeServedOverHttpsOnItsOwnPort() throws Exception {
        HttpResponse<String> page = new PageClient(server).send("GET", "/rooms/", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(server.webPort()).isPositive().isNotEqualTo(server.server().adminPort());
        assertThat(server.server().summary()).contains("room management   https://localhost:" + server.webPort()
                + "/rooms/");
    }

    @Test
    @DisplayName("A member a manager removes through the page leaves the Closed room at once (XEP-0045 §9.4)")
    void aMemberRemovedThroughThePageShouldBeEjectedLive() throws Exception {
        PageClient alice = new PageClient(server).signIn("alice@localhost", PerchTestServer.PASSWORD);
        HttpResponse<String> created = alice.send("POST", "/rooms/api/rooms", """
                {"name": "Live Desk", "category": "Trading", "members": {"add": ["bob@localhost", "carol@localhost"]}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Room room = server.server().store().rooms().findByAddress("live-desk").orElseThrow();

        XMPPTCPConnection bob = SmackClients.login(server, "bob", "desk");
        XMPPTCPConnection carol = SmackClients.login(server, "carol", "desk");
        try {
            EntityBareJid live = JidCreate.entityBareFrom("live-desk@chat.localhost");
            MultiUserChat bobsRoom = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(live);
            bobsRoom.join(Resourcepart.from("bob"));
            MultiUserChatManager.getInstanceFor(carol).getMultiUserChat(live).join(Resourcepart.from("carol"));
            CompletableFuture<Presence> bobOut = unavailable(bob, live, "bob");
            CompletableFuture<Presence> bobSeenLeaving = unavailable(carol, live, "bob");

            HttpResponse<String> edited = alice.send("PATCH", "/rooms/api/rooms/" + room.id(),
                    "{\"members\": {\"remove\": [\"bob@localhost\"]}, \"description\": \"Bonds\"}");

            assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
            assertThat(bobOut.get(10, TimeUnit.SECONDS).getType()).isEqualTo(Presence.Type.unavailable);
            assertThat(bobSeenLeaving.get(10, TimeUnit.SECONDS).getType()).isEqualTo(Presence.Type.unavailable);
            Room stored = server.server().store().rooms().find(room.id()).orElseThrow();
            assertThat(stored.roles().members()).doesNotContain(Principal.of("bob@localhost"))
                    .contains(Principal.of("carol@localhost"));
            assertThat(stored.description()).isEqualTo("Bonds");
        } finally {
            bob.disconnect();
            carol.disconnect();
        }
    }

    /** The room's word that the occupant {@code nick} has left, as {@code who} receives it. */
    private static CompletableFuture<Presence> unavailable(XMPPTCPConnection who, EntityBareJid room, String nick)
            throws Exception {
        CompletableFuture<Presence> seen = new CompletableFuture<>();
        EntityFullJid occupant = JidCreate.entityFullFrom(room, Resourcepart.from(nick));
        who.addAsyncStanzaListener(s -> seen.complete((Presence) s), s -> s instanceof Presence p
                && p.getType() == Presence.Type.unavailable && p.getFrom().equals(occupant));
        return seen;
    }
}
