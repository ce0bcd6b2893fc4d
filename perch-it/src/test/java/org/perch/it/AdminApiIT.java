package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.admin.LocalCredential;
import org.perch.store.chat.Category;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/** The admin API as the server runs it: HTTPS with the server's certificate, on loopback, with its local token. */
class AdminApiIT {

    static PerchTestServer server;
    static HttpClient https;

    @BeforeAll
    static void start() {
        server = PerchTestServer.start(Map.of());
        server.addAdmin("root");
        server.addUser("alice");
        server.addUser("bob");
        https = HttpClient.newBuilder().sslContext(server.sslContext()).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("The operator's token is owner-only in the data directory and creates a category over HTTPS")
    void theLocalCredentialShouldAdministerTheServer() throws Exception {
        Path token = LocalCredential.file(server.dataDir());
        if (Files.getFileStore(token).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
        }

        HttpResponse<String> created = https.send(request("/api/v1/categories")
                .header("Authorization", "Bearer " + LocalCredential.read(server.dataDir()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Ops\", \"creators\": [\"root@localhost\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(server.server().store().categories().findByName("ops")).map(Category::name).hasValue("Ops");
    }

    @Test
    @DisplayName("An administrator's password works; a user's does not; the OpenAPI document needs neither")
    void accountsShouldAuthenticateByRole() throws Exception {
        assertThat(status(request("/api/v1/categories").header("Authorization", basic("root@localhost"))))
                .isEqualTo(200);
        assertThat(status(request("/api/v1/categories").header("Authorization", basic("alice@localhost"))))
                .isEqualTo(403);
        assertThat(status(request("/api/v1/openapi.json"))).isEqualTo(200);
    }

    @Test
    @DisplayName("The admin API listens on loopback only by default")
    void theListenerShouldBeOnLoopback() {
        assertThat(server.server().config().admin().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(server.server().summary()).contains("admin API         https://127.0.0.1:"
                + server.server().adminPort());
    }

    @Test
    @DisplayName("Changes made through the API reach the rooms' occupants at once (XEP-0045 §9.4, §10.2)")
    void changesShouldApplyToOccupantsLive() throws Exception {
        send("POST", "/api/v1/rooms", "{\"name\": \"Live\", \"category\": \"General\","
                + " \"members\": [\"bob@localhost\", \"alice@localhost\"]}");
        XMPPTCPConnection bob = SmackClients.login(server, "bob", "live");
        XMPPTCPConnection alice = SmackClients.login(server, "alice", "live");
        try {
            EntityBareJid live = JidCreate.entityBareFrom("live@chat.localhost");
            MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(live).join(Resourcepart.from("bob"));
            MultiUserChatManager.getInstanceFor(alice).getMultiUserChat(live).join(Resourcepart.from("alice"));
            CompletableFuture<Presence> bobOut = unavailable(bob, live, "bob");
            CompletableFuture<Presence> aliceOut = unavailable(alice, live, "alice");

            send("PATCH", "/api/v1/rooms/live", "{\"members\": {\"remove\": [\"bob@localhost\"]}}");
            assertThat(bobOut.get(10, TimeUnit.SECONDS).getType()).isEqualTo(Presence.Type.unavailable);
            assertThat(aliceOut).as("alice is still a member").isNotDone();

            send("PATCH", "/api/v1/categories/general", "{\"deniedMembers\": [\"alice@localhost\"]}");
            assertThat(aliceOut.get(10, TimeUnit.SECONDS).getType()).isEqualTo(Presence.Type.unavailable);
        } finally {
            bob.disconnect();
            alice.disconnect();
            send("PATCH", "/api/v1/categories/general", "{\"deniedMembers\": null}");
        }
    }

    /** The room's word that the occupant {@code nick} has left, as {@code who} receives it. */
    private static CompletableFuture<Presence> unavailable(XMPPTCPConnection who, EntityBareJid room, String nick)
            throws Exception {
        CompletableFuture<Presence> seen = new CompletableFuture<>();
        EntityFullJid self = JidCreate.entityFullFrom(room, Resourcepart.from(nick));
        who.addAsyncStanzaListener(s -> seen.complete((Presence) s), s -> s instanceof Presence p
                && p.getType() == Presence.Type.unavailable && p.getFrom().equals(self));
        return seen;
    }

    private static void send(String method, String path, String json) throws Exception {
        HttpResponse<String> response = https.send(request(path)
                .header("Authorization", "Bearer " + LocalCredential.read(server.dataDir()))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + server.server().adminPort() + path));
    }

    private static int status(HttpRequest.Builder request) throws Exception {
        return https.send(request.GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String basic(String jid) {
        return "Basic " + Base64.getEncoder().encodeToString((jid + ":" + PerchTestServer.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }
}
