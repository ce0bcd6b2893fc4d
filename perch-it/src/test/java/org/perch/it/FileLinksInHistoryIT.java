package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.Test;

/**
 * Per-reader links beyond the live broadcast (ADR 0007): a member who joins after a file was posted finds it in the
 * join history and in a MAM query as a URL of their own, in the body and in the XEP-0066 out-of-band URL; that URL
 * downloads the file for them, and another reader's token under their name does not (404).
 */
class FileLinksInHistoryIT extends FileTestBase {

    private static final AtomicInteger ROOMS = new AtomicInteger();
    private static final String OOB = "jabber:x:oob";

    private static byte[] bytes() {
        byte[] b = new byte[50_000];
        new Random(11).nextBytes(b);
        return b;
    }

    /** A fresh room in Files where alice posts a file, in the body and as out-of-band data, while bob listens. */
    private record Posted(String room, URL canonical, String bobsUrl, byte[] bytes) {
    }

    private static Posted post() throws Exception {
        String address = "history" + ROOMS.incrementAndGet();
        openRoom(address, filesCategory);
        MultiUserChat aliceRoom = join(alice, address);
        MultiUserChat bobRoom = join(bob, address);
        byte[] bytes = bytes();
        URL canonical = upload(alice, "plan.pdf", bytes);
        aliceRoom.sendMessage(aliceRoom.buildMessage().setBody("the plan: " + canonical)
                .addExtension(StandardExtensionElement.builder("x", OOB).addElement("url", canonical.toString())
                        .build()));
        String bobsUrl = urlIn(MucTestBase.next(bobRoom));
        MucTestBase.next(aliceRoom); // the echo: the message is stored
        bobRoom.leave();
        aliceRoom.leave();
        return new Posted(address, canonical, bobsUrl, bytes);
    }

    /** Every message of the room's archive, as the joined reader queries it. */
    private static List<Message> archive(MultiUserChat room) throws Exception {
        MamManager mam = MamManager.getInstanceFor(room);
        assertThat(mam.isSupported()).isTrue(); // Smack learns the MAM version this way
        return mam.queryArchive(MamManager.MamQueryArgs.builder().build()).getMessages();
    }

    private static String oobUrl(Message m) {
        assertThat(m.getExtension(new QName(OOB, "x"))).as("out-of-band data in %s", m.toXML())
                .isInstanceOf(StandardExtensionElement.class);
        return ((StandardExtensionElement) m.getExtension(new QName(OOB, "x"))).getFirstElement("url").getText();
    }

    private static void assertCarolsOwn(Posted posted, String url) throws Exception {
        assertThat(url).startsWith(posted.canonical() + "?u=carol%40localhost&t=");
        assertThat(tokenIn(url)).isNotEqualTo(tokenIn(posted.bobsUrl()));
        assertThat(get(url).statusCode()).isEqualTo(200);
        assertThat(get(url).body()).isEqualTo(posted.bytes());
    }

    private static void assertOthersTokensRefused(Posted posted, String carolsUrl) throws Exception {
        String bobsToken = tokenIn(posted.bobsUrl());
        assertThat(get(posted.canonical() + "?u=carol%40localhost&t=" + bobsToken).statusCode())
                .as("bob's token under carol's name").isEqualTo(404);
        assertThat(get(posted.canonical() + "?u=bob%40localhost&t=" + tokenIn(carolsUrl)).statusCode())
                .as("carol's token under bob's name").isEqualTo(404);
        assertThat(get(posted.canonical() + "?u=eve%40localhost&t=" + tokenIn(carolsUrl)).statusCode())
                .as("carol's token under eve's name").isEqualTo(404);
    }

    @Test
    void aLateJoinerShouldFindTheirOwnLinkInTheJoinHistory() throws Exception {
        Posted posted = post();

        MultiUserChat carolRoom = join(carol, posted.room());
        Message history = MucTestBase.next(carolRoom);

        assertThat(history.getExtension(DelayInformation.class)).as("a message from the join history").isNotNull();
        String carolsUrl = urlIn(history);
        assertCarolsOwn(posted, carolsUrl);
        assertThat(oobUrl(history)).isEqualTo(carolsUrl);
        assertOthersTokensRefused(posted, carolsUrl);
        carolRoom.leave();
    }

    @Test
    void aLateJoinerShouldFindTheirOwnLinkInTheArchive() throws Exception {
        Posted posted = post();
        MultiUserChat carolRoom = join(carol, posted.room());

        List<Message> archived = archive(carolRoom);

        assertThat(archived).hasSize(1);
        String carolsUrl = urlIn(archived.getFirst());
        assertCarolsOwn(posted, carolsUrl);
        assertThat(oobUrl(archived.getFirst())).isEqualTo(carolsUrl);
        assertOthersTokensRefused(posted, carolsUrl);
        carolRoom.leave();
    }

    @Test
    void theSameReaderShouldGetTheSameLinkLiveInHistoryAndInTheArchive() throws Exception {
        Posted posted = post();

        MultiUserChat bobRoom = join(bob, posted.room());
        String fromHistory = urlIn(MucTestBase.next(bobRoom));
        String fromArchive = urlIn(archive(bobRoom).getFirst());

        assertThat(fromHistory).isEqualTo(posted.bobsUrl()).isEqualTo(fromArchive);
        bobRoom.leave();
    }

    @Test
    void theStoredMessageShouldKeepTheCanonicalUrl() throws Exception {
        Posted posted = post();

        var room = server.server().store().rooms().findByAddress(posted.room()).orElseThrow();
        var stored = server.server().store().history().since(0, 100_000).stream()
                .filter(m -> m.room().equals(room.id())).toList();

        assertThat(stored).singleElement().satisfies(m -> assertThat(m.payload())
                .contains(posted.canonical().toString()).doesNotContain("?u=").doesNotContain("&amp;t="));
    }
}
