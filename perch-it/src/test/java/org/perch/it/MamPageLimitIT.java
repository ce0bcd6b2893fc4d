package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.xdata.FormField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * {@code limits.max-mam-page}: an archive query asking for everything gets at most a page, with the RSM markers and
 * {@code complete} a client needs to page on (XEP-0313 §4.3, XEP-0059 §2.1: a responding entity may return fewer
 * items than {@code max}).
 */
class MamPageLimitIT {
    private static final int PAGE = 20;
    private static final int POSTED = 45;
    private static final int EVERYTHING = 1_000_000;

    private static PerchTestServer server;
    private static XMPPTCPConnection alice;
    private static MultiUserChat room;

    @BeforeAll
    static void startServer() throws Exception {
        server = PerchTestServer.start(Map.of("limits.max-mam-page", String.valueOf(PAGE)));
        server.addUser("alice");
        alice = SmackClients.login(server, "alice", "desk");
        room = MultiUserChatManager.getInstanceFor(alice)
                .getMultiUserChat(JidCreate.entityBareFrom("archive@chat.localhost"));
        room.create(Resourcepart.from("alice")).makeInstant();
        assertThat(MamManager.getInstanceFor(room).isSupported()).isTrue();
        for (int i = 1; i <= POSTED; i++) {
            room.sendMessage("needle " + i);
            assertThat(MucTestBase.next(room).getBody()).isEqualTo("needle " + i);
        }
    }

    @AfterAll
    static void stopServer() {
        alice.disconnect();
        server.close();
    }

    @Test
    @DisplayName("XEP-0313 §4.3, XEP-0059 §2.1: max=1000000 returns limits.max-mam-page messages, RSM last names the "
            + "last of them, complete is unset; paging on from last gets the rest, the final page complete")
    void aQueryForEverythingShouldGetOnePageAndPageOn() throws Exception {
        MamManager mam = MamManager.getInstanceFor(room);
        MamManager.MamQuery query = mam.queryArchive(MamManager.MamQueryArgs.builder()
                .setResultPageSizeTo(EVERYTHING).build());

        assertThat(bodies(query.getMessages())).isEqualTo(expected(1, PAGE));
        assertThat(query.isComplete()).isFalse();
        List<MamElements.MamResultExtension> results = query.getMamResultExtensions();
        assertThat(query.getPage().getMamFinIq().getRSMSet().getFirst()).isEqualTo(results.getFirst().getId());
        assertThat(query.getPage().getMamFinIq().getRSMSet().getLast()).isEqualTo(results.getLast().getId());

        List<String> all = new ArrayList<>(bodies(query.getMessages()));
        all.addAll(bodies(query.pageNext(EVERYTHING)));
        assertThat(query.getMessageCount()).isEqualTo(PAGE);
        assertThat(query.isComplete()).isFalse();
        all.addAll(bodies(query.pageNext(EVERYTHING)));
        assertThat(query.getMessageCount()).isEqualTo(POSTED - 2 * PAGE);
        assertThat(query.isComplete()).isTrue();
        assertThat(all).isEqualTo(expected(1, POSTED));
    }

    @Test
    @DisplayName("XEP-0313 §4.3: the last page, asked for with an empty RSM before and max=1000000, is a page too")
    void theLastPageShouldBeCappedToo() throws Exception {
        MamManager.MamQuery last = MamManager.getInstanceFor(room).queryArchive(MamManager.MamQueryArgs.builder()
                .setResultPageSizeTo(EVERYTHING).queryLastPage().build());
        assertThat(bodies(last.getMessages())).isEqualTo(expected(POSTED - PAGE + 1, POSTED));
        assertThat(last.isComplete()).isFalse();
    }

    @Test
    @DisplayName("XEP-0431: a full-text search matching every message returns limits.max-mam-page of them")
    void aSearchMatchingEverythingShouldGetOnePage() throws Exception {
        MamManager.MamQuery found = MamManager.getInstanceFor(room).queryArchive(MamManager.MamQueryArgs.builder()
                .withAdditionalFormField(FormField.textSingleBuilder("{urn:xmpp:fulltext:0}fulltext")
                        .setValue("needle").build())
                .setResultPageSizeTo(EVERYTHING).build());
        assertThat(found.getMessageCount()).isEqualTo(PAGE);
        assertThat(found.isComplete()).isFalse();
    }

    private static List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::getBody).toList();
    }

    private static List<String> expected(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "needle " + i).toList();
    }
}
