package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.httpfileupload.HttpFileUploadManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.store.chat.Category;
import org.perch.store.chat.CategoryFlags;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * What the file posting end-to-end tests share (ADR 0007): one server per test class whose category "Files" allows
 * files and "Plain" does not, both scoped to alice, bob and carol (eve is in neither); the Open rooms "shared" (Files)
 * and "textonly" (Plain); connections for all four, an HTTPS client that trusts the server, and helpers to upload,
 * post and download.
 */
abstract class FileTestBase {
    static final Pattern FILE_URL = Pattern.compile("https://\\S+/upload/\\S+");

    static PerchTestServer server;
    static XMPPTCPConnection alice;
    static XMPPTCPConnection bob;
    static XMPPTCPConnection carol;
    static XMPPTCPConnection eve;
    static HttpClient https;
    static Category filesCategory;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() {
        server = PerchTestServer.start(Map.of("chat.bootstrap-category", ""));
        for (String user : List.of("alice", "bob", "carol", "eve")) {
            server.addUser(user);
        }
        Set<Principal> team = Set.of(new Principal.User(Jid.of("alice@localhost")),
                new Principal.User(Jid.of("bob@localhost")), new Principal.User(Jid.of("carol@localhost")));
        Category files = Category.named("Files").withAllowedMembers(team)
                .withFlags(CategoryFlags.DEFAULTS.withFileUpload(true));
        Category plain = Category.named("Plain").withAllowedMembers(team);
        server.server().store().categories().create(files);
        filesCategory = files;
        server.server().store().categories().create(plain);
        openRoom("shared", files);
        openRoom("textonly", plain);
        alice = SmackClients.login(server, "alice", "desk");
        bob = SmackClients.login(server, "bob", "desk");
        carol = SmackClients.login(server, "carol", "desk");
        eve = SmackClients.login(server, "eve", "desk");
        https = HttpClient.newBuilder().sslContext(server.sslContext()).build();
    }

    static Room openRoom(String address, Category category) {
        Room room = Room.create(address, category.id(), address);
        Room open = room.withSettings(room.settings().withPrivacy(Privacy.OPEN));
        server.server().store().rooms().create(open);
        return open;
    }

    @AfterAll
    static void stop() {
        for (XMPPTCPConnection c : List.of(alice, bob, carol, eve)) {
            c.disconnect();
        }
        server.close();
    }

    static HttpFileUploadManager uploader(XMPPTCPConnection who) throws Exception {
        HttpFileUploadManager manager = HttpFileUploadManager.getInstanceFor(who);
        manager.setTlsContext(server.sslContext());
        assertThat(manager.discoverUploadService()).isTrue();
        return manager;
    }

    static MultiUserChat join(XMPPTCPConnection who, String room) throws Exception {
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(who)
                .getMultiUserChat(JidCreate.entityBareFrom(room + "@chat.localhost"));
        muc.join(Resourcepart.from(who.getUser().getLocalpart().toString()));
        return muc;
    }

    static HttpResponse<byte[]> get(String url) throws Exception {
        return https.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String urlIn(Message m) {
        Matcher found = FILE_URL.matcher(m.getBody());
        assertThat(found.find()).as("a file URL in %s", m.getBody()).isTrue();
        return found.group();
    }

    /** Uploads {@code bytes} as {@code name} through Smack's XEP-0363 client; returns the canonical GET URL. */
    static URL upload(XMPPTCPConnection who, String name, byte[] bytes) throws Exception {
        Path file = Files.createTempDirectory(temp, "up").resolve(name);
        Files.write(file, bytes);
        return uploader(who).uploadFile(file.toFile());
    }

    /** The file's id: the first segment after /upload/. */
    static String idOf(URL canonical) {
        return canonical.getPath().split("/")[2];
    }

    static Path onDisk(String name) {
        return server.server().config().files().directory().resolve(name);
    }

    static String tokenIn(String url) {
        return url.substring(url.indexOf("&t=") + 3);
    }
}
