package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.httpfileupload.element.SlotRequest;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.perch.core.Jid;
import org.perch.domain.files.FileTokens;

/**
 * File posting end to end (ADR 0007): Smack's XEP-0363 client asks upload.localhost for a slot and uploads over HTTPS;
 * the GET URL posted in a room whose category allows files reaches another member as a URL of their own that
 * downloads the same bytes; nobody else's URL works, a room whose category forbids files refuses the post, and an
 * oversize request is refused with the largest size allowed.
 */
class FileUploadIT extends FileTestBase {

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
