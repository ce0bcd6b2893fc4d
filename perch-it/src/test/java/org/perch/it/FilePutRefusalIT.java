package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import javax.net.ssl.SSLSocket;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.httpfileupload.element.Slot;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.domain.files.FileTokens;
import org.perch.store.files.SharedFile;

/**
 * PUTs that do not match their slot, over real HTTPS (ADR 0007, "Refused uploads"): each is refused with its own
 * status and a reason in the body, and leaves nothing behind, neither {@code <id>} nor {@code <id>.part} on disk,
 * and the catalogue entry as it was granted; a slot refused for the wrong size or type still takes a right upload.
 */
class FilePutRefusalIT extends FileTestBase {

    private static final String TYPE = "text/plain";
    private static final int SIZE = 600;

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static Slot slot() throws Exception {
        return uploader(alice).requestSlot("notes.txt", SIZE, TYPE);
    }

    private static String id(Slot slot) {
        return idOf(slot.getGetUrl());
    }

    private static RawHttps.Response put(URL url, byte[] body, String... headers) throws Exception {
        return RawHttps.send(server.sslContext(), "PUT", url, body, headers);
    }

    private static RawHttps.Response put(Slot slot, byte[] body, long length, String type) throws Exception {
        return put(slot.getPutUrl(), body, "Content-Length: " + length, "Content-Type: " + type);
    }

    private static void assertNothingLeft(String id, SharedFile granted) {
        assertThat(onDisk(id)).doesNotExist();
        assertThat(onDisk(id + ".part")).doesNotExist();
        assertThat(server.server().store().files().find(id)).contains(granted);
    }

    private static SharedFile granted(Slot slot) {
        SharedFile file = server.server().store().files().find(id(slot)).orElseThrow();
        assertThat(file.isPosted()).isFalse();
        return file;
    }

    /** The slot still takes the upload it was granted for. */
    private static void assertStillUsable(Slot slot) throws Exception {
        byte[] right = bytes(SIZE);
        assertThat(put(slot, right, SIZE, TYPE).status()).isEqualTo(201);
        assertThat(Files.readAllBytes(onDisk(id(slot)))).isEqualTo(right);
    }

    @Test
    void aBodyLongerThanTheSlotShouldBe413() throws Exception {
        Slot slot = slot();
        SharedFile granted = granted(slot);

        RawHttps.Response response = put(slot, bytes(SIZE + 1), SIZE + 1, TYPE);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("larger than its slot's " + SIZE + " bytes");
        assertNothingLeft(id(slot), granted);
        assertStillUsable(slot);
    }

    @Test
    void aBodyShorterThanTheSlotShouldBe400() throws Exception {
        Slot slot = slot();
        SharedFile granted = granted(slot);

        RawHttps.Response response = put(slot, bytes(SIZE - 1), SIZE - 1, TYPE);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("the slot's size, " + SIZE + " bytes");
        assertNothingLeft(id(slot), granted);
        assertStillUsable(slot);
    }

    @Test
    void aChunkedBodyShouldBe411() throws Exception {
        Slot slot = slot();
        SharedFile granted = granted(slot);
        byte[] chunked = ("258\r\n" + "x".repeat(SIZE) + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        RawHttps.Response response = put(slot.getPutUrl(), chunked, "Transfer-Encoding: chunked",
                "Content-Type: " + TYPE);

        assertThat(response.status()).isEqualTo(411);
        assertThat(response.body()).contains("Content-Length");
        assertNothingLeft(id(slot), granted);
    }

    @Test
    void aBodyCutOffBeforeItsLengthShouldLeaveNoPartialFile() throws Exception {
        Slot slot = slot();
        SharedFile granted = granted(slot);

        try (SSLSocket socket = RawHttps.connect(server.sslContext(), slot.getPutUrl())) {
            RawHttps.head(socket, "PUT", slot.getPutUrl(), "Content-Length: " + SIZE, "Content-Type: " + TYPE);
            socket.getOutputStream().write(bytes(SIZE / 2));
            socket.getOutputStream().flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(onDisk(id(slot) + ".part")));
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertNothingLeft(id(slot), granted));
        assertStillUsable(slot);
    }

    @Test
    void anotherContentTypeShouldBe400() throws Exception {
        Slot slot = slot();
        SharedFile granted = granted(slot);

        RawHttps.Response response = put(slot, bytes(SIZE), SIZE, "text/html");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("the slot's content type, " + TYPE);
        assertNothingLeft(id(slot), granted);
        assertStillUsable(slot);
    }

    @Test
    void anExpiredSlotShouldBe410() throws Exception {
        // A slot granted six minutes ago, as the server would have granted it: its lifetime is five.
        String id = "ZXhwaXJlZC1zbG90LWZvci10aGUtdGVzdA";
        SharedFile old = SharedFile.granted(id, Jid.of("alice@localhost"), "old.txt", SIZE, TYPE,
                Instant.now().minus(Duration.ofMinutes(6)));
        assertThat(server.server().store().files().add(old)).isTrue();
        FileTokens tokens = new FileTokens(server.server().store().files().signingKey(new byte[32]));
        URL putUrl = URI.create("https://localhost:" + server.httpPort() + "/upload/" + id + "/old.txt?t="
                + tokens.upload(id)).toURL();

        RawHttps.Response response = put(putUrl, bytes(SIZE), "Content-Length: " + SIZE, "Content-Type: " + TYPE);

        assertThat(response.status()).isEqualTo(410);
        assertThat(response.body()).contains("expired");
        assertNothingLeft(id, old);
    }

    @Test
    void aSlotUsedTwiceShouldBe409AndKeepTheFirstUpload() throws Exception {
        Slot slot = slot();
        byte[] first = bytes(SIZE);
        assertThat(put(slot, first, SIZE, TYPE).status()).isEqualTo(201);

        RawHttps.Response again = put(slot, new byte[SIZE], SIZE, TYPE);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("used already");
        assertThat(Files.readAllBytes(onDisk(id(slot)))).isEqualTo(first);
        assertThat(onDisk(id(slot) + ".part")).doesNotExist();
    }

    @Test
    void aPutToAGetUrlShouldBe404AndLeaveTheFileAsItWas() throws Exception {
        byte[] original = bytes(SIZE);
        MultiUserChat aliceRoom = join(alice, "shared");
        MultiUserChat bobRoom = join(bob, "shared");
        URL canonical = upload(alice, "posted.bin", original);
        aliceRoom.sendMessage("overwrite me if you can " + canonical);
        Message received = MucTestBase.next(bobRoom);
        URL bobsUrl = URI.create(urlIn(received)).toURL();
        SharedFile posted = server.server().store().files().find(idOf(canonical)).orElseThrow();

        for (URL target : new URL[] {bobsUrl, canonical}) {
            RawHttps.Response response = put(target, new byte[SIZE], "Content-Length: " + SIZE,
                    "Content-Type: application/octet-stream");
            assertThat(response.status()).as(target.toString()).isEqualTo(404);
        }

        assertThat(Files.readAllBytes(onDisk(idOf(canonical)))).isEqualTo(original);
        assertThat(onDisk(idOf(canonical) + ".part")).doesNotExist();
        assertThat(server.server().store().files().find(idOf(canonical))).contains(posted);
        assertThat(get(bobsUrl.toString()).body()).isEqualTo(original);
        aliceRoom.leave();
        bobRoom.leave();
    }
}
