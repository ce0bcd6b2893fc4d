package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;
import org.perch.testing.SmackClients;

/**
 * {@code limits.slow-reader-seconds} and {@code limits.max-outbound-bytes}: a client that joins a busy room and
 * stops reading is closed ({@code policy-violation}), what the server keeps unsent for it never passes the bound, and
 * the room's poster and another reader carry on without an error and without losing a message.
 */
class SlowReaderIT {
    /** The slow client's receive buffer: its TCP window fills after a few KiB, so the server's output backs up. */
    private static final int SMALL_RECEIVE_BUFFER = 4096;
    private static final String BODY = "busy ".repeat(3200);
    private static final int MOST_POSTS = 250;
    /** Netty's high water mark: above it a connection is unwritable and the slow-reader clock runs. */
    private static final long HIGH_WATER_MARK = 128 * 1024;

    @Test
    @DisplayName("RFC 6120 §4.9.3.12: output left unread above the high water mark for limits.slow-reader-seconds "
            + "ends the client's stream; the poster and another reader get every message and no error")
    void aClientThatStopsReadingShouldBeClosedAfterSlowReaderSeconds() throws Exception {
        try (PerchTestServer server = PerchTestServer.start(Map.of("limits.slow-reader-seconds", "2",
                "limits.stanzas-per-second", "0"))) {
            BusyRoom room = BusyRoom.open(server);
            try (RawXmppClient slow = room.slowReader()) {
                int posted = room.postUntil(figures -> figures.get("outboundBytes") > HIGH_WATER_MARK + 32 * 1024);
                assertThat(server.connectionFigures().get("closedSlowReaders")).as("not closed at once").isZero();

                await().atMost(Duration.ofSeconds(15))
                        .until(() -> server.connectionFigures().get("closedSlowReaders") == 1);
                slow.expectClosed();
                room.assertEveryoneElseGot(posted);
            } finally {
                room.close();
            }
        }
    }

    @Test
    @DisplayName("RFC 6120 §4.9.3.12: output for a client that does not read never passes limits.max-outbound-bytes; "
            + "the write that would have passed it ends the client's stream, the others carry on")
    void outputForAClientThatDoesNotReadShouldStayUnderMaxOutboundBytes() throws Exception {
        long cap = 256 * 1024;
        try (PerchTestServer server = PerchTestServer.start(Map.of("limits.slow-reader-seconds", "600",
                "limits.max-outbound-bytes", String.valueOf(cap), "limits.stanzas-per-second", "0"))) {
            BusyRoom room = BusyRoom.open(server);
            try (RawXmppClient slow = room.slowReader()) {
                int posted = room.postUntil(figures -> figures.get("closedSlowReaders") == 1);
                assertThat(posted).isLessThan(MOST_POSTS);
                slow.expectClosed();
                room.assertEveryoneElseGot(posted);
                Map<String, Long> figures = server.connectionFigures();
                // The cap counts plaintext; TLS adds its record headers and tags (well under 1%) below it.
                assertThat(figures.get("peakOutboundBytes")).isGreaterThan(HIGH_WATER_MARK)
                        .isLessThanOrEqualTo(cap + cap / 100);
                assertThat(figures.get("closedSlowReaders")).isEqualTo(1);
            } finally {
                room.close();
            }
        }
    }

    /** A room with a poster, a reader that reads, and a raw client that joins and then reads nothing. */
    private record BusyRoom(PerchTestServer server, XMPPTCPConnection poster, XMPPTCPConnection reader,
                            MultiUserChat posted, AtomicInteger read, List<Exception> errors) {

        static BusyRoom open(PerchTestServer server) throws Exception {
            for (String user : List.of("poster", "reader", "slow")) {
                server.addUser(user);
            }
            XMPPTCPConnection poster = SmackClients.login(server, "poster", "desk");
            XMPPTCPConnection reader = SmackClients.login(server, "reader", "desk");
            List<Exception> errors = new CopyOnWriteArrayList<>();
            for (XMPPTCPConnection c : List.of(poster, reader)) {
                c.addConnectionListener(new ConnectionListener() {
                    @Override
                    public void connectionClosedOnError(Exception e) {
                        errors.add(e);
                    }
                });
            }
            MultiUserChat room = MultiUserChatManager.getInstanceFor(poster)
                    .getMultiUserChat(JidCreate.entityBareFrom("busy@chat.localhost"));
            room.create(Resourcepart.from("poster")).makeInstant();
            MucTestBase.configure(room, "perch#members", List.of("reader@localhost", "slow@localhost"));
            MultiUserChat asReader = MultiUserChatManager.getInstanceFor(reader).getMultiUserChat(room.getRoom());
            AtomicInteger read = new AtomicInteger();
            asReader.addMessageListener(m -> {
                if (m.getBody() != null && m.getBody().startsWith(BODY)) {
                    read.incrementAndGet();
                }
            });
            asReader.join(Resourcepart.from("reader"));
            return new BusyRoom(server, poster, reader, room, read, errors);
        }

        /** Logs the slow client in with a small receive buffer and joins it to the room; it reads no more. */
        RawXmppClient slowReader() {
            RawXmppClient slow = RawXmppClient.connect(server.c2sPort(), Duration.ofSeconds(30), SMALL_RECEIVE_BUFFER);
            slow.login(server.sslContext(), "slow", PerchTestServer.PASSWORD, "window");
            slow.send("<presence to='busy@chat.localhost/slow'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
            slow.expect("<status code=['\"]110['\"]");
            return slow;
        }

        /** Posts until the server's connection figures (admin API) pass {@code done}; returns how many were posted. */
        int postUntil(Predicate<Map<String, Long>> done) throws Exception {
            for (int i = 0; i < MOST_POSTS; i++) {
                posted.sendMessage(BODY + i);
                if (i % 10 == 9 && done.test(afterPosted(i + 1))) {
                    return i + 1;
                }
            }
            throw new AssertionError("the server's figures never got there: " + server.connectionFigures());
        }

        /** The figures once the reader has every message posted so far, so the room has sent them all out. */
        private Map<String, Long> afterPosted(int count) {
            await().atMost(Duration.ofSeconds(30)).until(() -> read.get() >= count);
            return server.connectionFigures();
        }

        void assertEveryoneElseGot(int count) {
            await().atMost(Duration.ofSeconds(30)).until(() -> read.get() >= count);
            assertThat(read.get()).isEqualTo(count);
            assertThat(errors).as("stream errors the poster and the reader got").isEmpty();
            assertThat(poster.isConnected() && reader.isConnected()).isTrue();
        }

        void close() {
            poster.disconnect();
            reader.disconnect();
        }
    }
}
