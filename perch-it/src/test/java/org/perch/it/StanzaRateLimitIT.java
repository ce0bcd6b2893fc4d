package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;

/**
 * {@code limits.stanzas-per-second}, {@code limits.stanza-burst} and {@code limits.flood-seconds}: a burst over the
 * rate is slowed, not dropped; a flood that keeps on, a join storm included, is ended with {@code policy-violation}
 * (RFC 6120 §4.9.3.12, §13.12) while what the server holds for it stays bounded; other clients notice nothing.
 */
class StanzaRateLimitIT {
    private static final int RATE = 10;
    private static final int BURST = 10;
    private static final Duration FLOOD = Duration.ofSeconds(2);
    /** Netty reads at most 64 KiB at a time; through TLS, one 16 KiB record more may come out of a read. */
    private static final int MOST_BYTES_ONE_READ_HOLDS = (64 + 16) * 1024;
    /** Anchored at the start, so that a long unconsumed text is scanned once per read, not once per position. */
    private static final String EVERYTHING_BEFORE_POLICY_VIOLATION =
            "\\A(.*?)<stream:error><policy-violation xmlns=['\"]urn:ietf:params:xml:ns:xmpp-streams['\"]";

    private static PerchTestServer server;
    private static Bystanders bystanders;

    @BeforeAll
    static void startServer() throws Exception {
        server = PerchTestServer.start(Map.of("limits.stanzas-per-second", String.valueOf(RATE),
                "limits.stanza-burst", String.valueOf(BURST),
                "limits.flood-seconds", String.valueOf(FLOOD.toSeconds())));
        server.addUser("eager");
        bystanders = Bystanders.login(server, "sender", "receiver");
    }

    @AfterAll
    static void stopServer() {
        bystanders.close();
        server.close();
    }

    @Test
    @DisplayName("A burst over the rate is slowed, not dropped: every ping is answered, the last no sooner than "
            + "the rate allows, and the stream stays open")
    void aBurstOverTheRateShouldBeSlowedNotDropped() throws Exception {
        int pings = 25;
        try (RawXmppClient raw = login("burst")) {
            long start = System.nanoTime();
            raw.send(pings(0, pings));
            for (int i = 0; i < pings; i++) {
                raw.expect(result("p" + i));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // At most BURST stanzas find a token at once; each further one waits 1/RATE s for its own.
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis((pings - BURST) * 1000L / RATE - 100));
            assertThat(raw.pending()).doesNotContain("stream:error");
        }
        bystanders.assertUnaffected();
    }

    @Test
    @DisplayName("RFC 6120 §4.9.3.12: a flood that stays over the rate for longer than limits.flood-seconds gets "
            + "policy-violation; the server answered no more than the rate allowed and never held more than one "
            + "read of it, as the admin API shows")
    void aFloodShouldBeEndedWithPolicyViolation() throws Exception {
        int flood = 20_000;
        Map<String, Long> before = server.connectionFigures();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (RawXmppClient raw = login("flood")) {
            long start = System.nanoTime();
            // From another thread: once the server stops reading, this write blocks until the socket closes.
            writer.submit(() -> raw.send(pings(0, flood)));
            bystanders.assertUnaffected();

            Matcher error = raw.expect(EVERYTHING_BEFORE_POLICY_VIOLATION);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            raw.expect("</stream:stream>");
            raw.expectClosed();

            assertThat(took).isGreaterThan(FLOOD);
            long answered = count(error.group(1), result("p\\d+"));
            assertThat(answered).isLessThanOrEqualTo(BURST + RATE * (took.toSeconds() + 1));
        } finally {
            writer.shutdownNow();
        }
        Map<String, Long> after = server.connectionFigures();
        assertThat(after.get("closedFlooding") - before.get("closedFlooding")).isEqualTo(1);
        assertThat(after.get("peakHeldStanzas")).isGreaterThan(0)
                .isLessThanOrEqualTo(MOST_BYTES_ONE_READ_HOLDS / ping(0).length() + 1).isLessThan(flood);
        bystanders.assertUnaffected();
    }

    @Test
    @DisplayName("A join storm is a burst of stanzas like any other: 25 joins at once all succeed, slowed to the rate")
    void aJoinStormShouldBeSlowedToTheRate() throws Exception {
        int joins = 25;
        try (RawXmppClient raw = login("joiner")) {
            long start = System.nanoTime();
            raw.send(joins("slowed", joins));
            // Each room answers its own join, so the answers may come in any order: count the rooms that did.
            Set<String> joined = new HashSet<>();
            while (joined.size() < joins) {
                joined.add(raw.expect("<presence[^>]*from=['\"]slowed(\\d+)@chat\\.localhost/eager['\"].*?"
                        + "<status code=['\"]110['\"]").group(1));
            }
            assertThat(joined).hasSize(joins);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis((joins - BURST) * 1000L / RATE - 100));
            assertThat(raw.pending()).doesNotContain("stream:error");
        }
        bystanders.assertUnaffected();
    }

    @Test
    @DisplayName("RFC 6120 §4.9.3.12: a join storm that goes on past limits.flood-seconds gets policy-violation, "
            + "having joined (and created) no more rooms than the rate allowed")
    void aJoinStormThatGoesOnShouldBeEndedWithPolicyViolation() throws Exception {
        int joins = 500;
        try (RawXmppClient raw = login("stormer")) {
            long start = System.nanoTime();
            raw.send(joins("storm", joins));
            Matcher error = raw.expect(EVERYTHING_BEFORE_POLICY_VIOLATION);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            raw.expect("</stream:stream>");
            raw.expectClosed();

            long joined = count(error.group(1), "<status code=['\"]110['\"]");
            long allowed = BURST + RATE * (took.toSeconds() + 1);
            assertThat(joined).isPositive().isLessThanOrEqualTo(allowed);
            long created = server.server().store().rooms().list().stream()
                    .filter(room -> room.address().startsWith("storm")).count();
            assertThat(created).isLessThanOrEqualTo(allowed);
        }
        bystanders.assertUnaffected();
    }

    private static RawXmppClient login(String resource) {
        RawXmppClient raw = RawXmppClient.connect(server.c2sPort(), Duration.ofSeconds(20));
        raw.login(server.sslContext(), "eager", PerchTestServer.PASSWORD, resource);
        return raw;
    }

    private static String ping(int n) {
        return "<iq type='get' id='p" + n + "'><ping xmlns='urn:xmpp:ping'/></iq>";
    }

    private static String pings(int from, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            sb.append(ping(i));
        }
        return sb.toString();
    }

    private static String joins(String prefix, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append("<presence to='").append(prefix).append(i)
                    .append("@chat.localhost/eager'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
        }
        return sb.toString();
    }

    /** An IQ result with this id (a regex), whatever the order of its attributes. */
    private static String result(String id) {
        return "<iq(?=[^>]*\\bid=['\"]" + id + "['\"])(?=[^>]*\\btype=['\"]result['\"])[^>]*>";
    }

    private static long count(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }
}
