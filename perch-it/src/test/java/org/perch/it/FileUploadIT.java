package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.httpfileupload.HttpFileUploadManager;
import org.jivesoftware.smackx.httpfileupload.element.SlotRequest;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.domain.files.FileTokens;
import org.perch.store.chat.Category;
import org.perch.store.chat.CategoryFlags;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomSettings;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * File posting end to end (ADR 0007): Smack's XEP-0363 client asks upload.localhost for a slot and uploads over HTTPS;
 * the GET URL posted in a room whose category allows files reaches another member as a URL of their own that
 * downloads the same bytes; nobody else's URL works, a room whose category forbids files refuses the post, and an
 * oversize request is refused with the largest size allowed.
 */
class FileUploadIT {
    private static final Pattern FILE_URL = Pattern.compile("https://\\S+/upload/\\S+");

    static PerchTestServer server;
    static XMPPTCPConnection alice;
    static XMPPTCPConnection bob;
    static XMPPTCPConnection eve;
    static HttpClient https;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() {
        server = PerchTestServer.start(Map.of("chat.bootstrap-category", ""));
        for (String user : List.of("alice", "bob", "eve")) {
            server.addUser(user);
        }
        Set<Principal> team = Set.of(new Principal.User(Jid.of("alice@localhost")),
                new Principal.User(Jid.of("bob@localhost")));
        Category files = Category.named("Files").withAllowedMembers(team)
                .withFlags(CategoryFlags.DEFAULTS.withFileUpload(true));
        Category plain = Category.named("Plain").withAllowedMembers(team);
        server.server().store().categories().create(files);
        server.server().store().categories().create(plain);
        openRoom("shared", files);
        openRoom("textonly", plain);
        alice = SmackClients.login(server, "alice", "desk");
        bob = SmackClients.login(server, "bob", "desk");
        eve = SmackClients.login(server, "eve", "desk");
        https = HttpClient.newBuilder().sslContext(server.sslContext()).build();
    }

    private static void openRoom(String address, Category category) {
        Room room = Room.create(address, category.id(), address);
        server.server().store().rooms().create(room.withSettings(room.settings().withPrivacy(Privacy.OPEN)));
    }

    @AfterAll
    static void stop() {
        for (XMPPTCPConnection c : List.of(alice, bob, eve)) {
            c.disconnect();
        }
        server.close();
    }

    private static HttpFileUploadManager uploader(XMPPTCPConnection who) throws Exception {
        HttpFileUploadManager manager = HttpFileUploadManager.getInstanceFor(who);
        manager.setTlsContext(server.sslContext());
        assertThat(manager.discoverUploadService()).isTrue();
        return manager;
    }

    private static MultiUserChat join(XMPPTCPConnection who, String room) throws Exception {
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(who)
                .getMultiUserChat(JidCreate.entityBareFrom(room + "@chat.localhost"));
        muc.join(Resourcepart.from(who.getUser().getLocalpart().toString()));
        return muc;
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return https.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String urlIn(Message m) {
        Matcher found = FILE_URL.matcher(m.getBody());
        assertThat(found.find()).as("a file URL in %s", m.getBody()).isTrue();
        return found.group();
    }

    @Test
    void aPostedFileShouldReachAnotherMemberAsTheirOwnUrlAndNoOneElses() throws Exception {
        byte[] bytes = new byte[200_000];
        new java.util.Random(7).nextBytes(bytes);
        Path file = temp.resolve("quarterly report.bin");
        Files.write(file, bytes);
        MultiUserChat aliceRoom = join(alice, "shared");
        MultiUserChat bobRoom = join(bob, "shared");

        URL canonical = uploader(alice).uploadFile(file.toFile());
        aliceRoom.sendMessage("see " + canonical);
        Message received = MucTestBase.next(bobRoom);

        String bobsUrl = urlIn(received);
        assertThat(bobsUrl).startsWith(canonical + "?u=bob%40localhost&t=");
        HttpResponse<byte[]> download = get(bobsUrl);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bytes);
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");

        String id = canonical.getPath().split("/")[2];
        Path stored = server.server().config().files().directory().resolve(id);
        assertThat(Files.getPosixFilePermissions(stored)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(stored.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(stored.getFileName().toString()).doesNotContain("quarterly").hasSizeGreaterThanOrEqualTo(32);
        assertThat(server.server().store().files().find(id).orElseThrow().room())
                .contains(server.server().store().rooms().findByAddress("shared").orElseThrow().id());

        String bobsToken = bobsUrl.substring(bobsUrl.indexOf("&t=") + 3);
        assertThat(get(canonical.toString()).statusCode()).as("no token").isEqualTo(404);
        assertThat(get(canonical + "?u=eve%40localhost&t=" + bobsToken).statusCode()).as("another's token")
                .isEqualTo(404);
        assertThat(get(canonical + "?u=bob%40localhost&t=" + bobsToken.replace(bobsToken.charAt(0),
                bobsToken.charAt(0) == 'A' ? 'B' : 'A')).statusCode()).as("forged token").isEqualTo(404);
        // eve reads no room of the category: a URL made for her, as a room would make it, does not work either.
        FileTokens tokens = new FileTokens(server.server().store().files().signingKey(new byte[32]));
        String evesUrl = canonical + "?u=eve%40localhost&t=" + tokens.download(id, Jid.of("eve@localhost"));
        assertThat(get(evesUrl).statusCode()).as("a non-member's own URL").isEqualTo(404);
        assertThat(https.send(HttpRequest.newBuilder(URI.create(bobsUrl)).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValueAsLong("Content-Length")).hasValue(bytes.length);
    }

    @Test
    void aRoomWhoseCategoryForbidsFilesShouldRefuseTheirPost() throws Exception {
        Path file = temp.resolve("notes.txt");
        Files.writeString(file, "not for this room");
        MultiUserChat room = join(alice, "textonly");
        URL canonical = uploader(alice).uploadFile(file.toFile());
        String id = canonical.getPath().split("/")[2];

        var errors = new java.util.concurrent.LinkedBlockingQueue<Message>();
        alice.addAsyncStanzaListener(s -> errors.add((Message) s),
                s -> s instanceof Message m && m.getType() == Message.Type.error);
        room.sendMessage("here " + canonical);

        Message error = errors.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(error).isNotNull();
        assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.not_allowed);
        assertThat(error.getError().getDescriptiveText()).isEqualTo("this room's category does not allow files");
        assertThat(server.server().store().files().find(id).orElseThrow().isPosted()).isFalse();
    }

    @Test
    void anOversizeRequestShouldBeRefusedWithTheLargestSizeAllowed() throws Exception {
        long max = 20_000L * 1024;

        // Smack reads the limit from the service's disco#info and refuses before asking...
        assertThatThrownBy(() -> uploader(alice).requestSlot("huge.iso", max + 1))
                .hasMessageContaining("max allowed size " + max);
        // ...and the service refuses a client that asks anyway.
        SlotRequest request = new SlotRequest(JidCreate.domainBareFrom("upload.localhost"), "huge.iso", max + 1);
        assertThatThrownBy(() -> alice.sendIqRequestAndWaitForResponse(request))
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> {
                    assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
                    assertThat(e.getStanzaError().toXML().toString()).contains("<max-file-size>" + max
                            + "</max-file-size>");
                });
    }

    @Test
    void aUserInNoRoomThatAllowsFilesShouldGetNoSlot() throws Exception {
        assertThatThrownBy(() -> uploader(eve).requestSlot("x.txt", 10))
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat(
                        e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.not_allowed));
    }
}
