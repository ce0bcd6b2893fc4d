package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;
import org.perch.testing.SmackClients;

/** Hostile or broken input ends only the offending stream, with the right stream error (RFC 6120 §4.9). */
class StreamSafetyIT {
    private static final String STREAM_ERRORS = "['\"]urn:ietf:params:xml:ns:xmpp-streams['\"]";
    private static PerchTestServer server;
    private static XMPPTCPConnection bystander;

    @BeforeAll
    static void startServer() {
        // These tests end one stream after another from 127.0.0.1 on purpose; AbuseBanIT tests what a ban does.
        server = PerchTestServer.start(Map.of("limits.max-stanza-bytes", "4096", "limits.ban-after-offences", "0"));
        server.addUser("bystander");
        server.addUser("raw");
        bystander = SmackClients.login(server, "bystander", "desk");
    }

    @AfterAll
    static void stopServer() {
        bystander.disconnect();
        server.close();
    }

    @Test
    @DisplayName("RFC 6120 §4.9.3.12, §13.12: a stanza over limits.max-stanza-bytes gets policy-violation and the "
            + "socket closes, while other sessions keep working")
    void oversizeStanzaShouldEndOnlyThatStream() throws Exception {
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            raw.openStream();
            raw.send("<message to='bystander@localhost'><body>" + "x".repeat(5000) + "</body></message>");
            expectStreamError(raw, "policy-violation");
        }
        assertThat(PingManager.getInstanceFor(bystander).pingMyServer(false)).isTrue();
    }

    @Test
    @DisplayName("RFC 6120 §4.9.3.13: malformed XML gets not-well-formed")
    void malformedXmlShouldGetNotWellFormed() {
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            raw.openStream();
            raw.send("<message><body></message>");
            expectStreamError(raw, "not-well-formed");
        }
    }

    @Test
    @DisplayName("RFC 6120 §11.6, §4.9.3.13: bytes that are not UTF-8 get not-well-formed, and the server carries on")
    void invalidUtf8ShouldGetNotWellFormed() throws Exception {
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            raw.openStream();
            raw.send("<message to='bystander@localhost'><body>");
            raw.sendBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
            raw.send("</body></message>");
            expectStreamError(raw, "not-well-formed");
        }
        assertThat(PingManager.getInstanceFor(bystander).pingMyServer(false)).isTrue();
    }

    @Test
    @DisplayName("RFC 6120 §4.9.3.13: an attribute given twice gets not-well-formed")
    void aDuplicateAttributeShouldGetNotWellFormed() {
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            raw.openStream();
            raw.send("<message id='a' id='b'/>");
            expectStreamError(raw, "not-well-formed");
        }
    }

    @Test
    @DisplayName("RFC 6120 §4.9.3.12, §13.12: one attribute value larger than limits.max-stanza-bytes is cut off "
            + "with policy-violation before it is all received")
    void aHugeAttributeValueShouldGetPolicyViolation() throws Exception {
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            raw.openStream();
            raw.send("<message to='bystander@localhost' x='" + "y".repeat(8192));
            expectStreamError(raw, "policy-violation");
        }
        assertThat(PingManager.getInstanceFor(bystander).pingMyServer(false)).isTrue();
    }

    @Test
    @DisplayName("RFC 6120 §13.12: stanzas packed with long attribute values just under every limit are each parsed "
            + "once, answered, and leave the server as quick as before")
    void stanzasFullOfLongAttributeValuesShouldBeHandledWithoutBlowUp() throws Exception {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            attributes.append(" a").append(i).append("='").append("v".repeat(56)).append('\'');
        }
        String ping = "<iq type='get' id='p%d'" + attributes + "><ping xmlns='urn:xmpp:ping'/></iq>";
        assertThat(ping.length()).isBetween(3800, 4000);
        int stanzas = 80;
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            raw.login(server.sslContext(), "raw", PerchTestServer.PASSWORD, "blowup");
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < stanzas; i++) {
                all.append(ping.formatted(i));
            }
            raw.send(all.toString());
            for (int i = 0; i < stanzas; i++) {
                raw.expect(result("p" + i));
            }
            assertThat(raw.pending()).doesNotContain("stream:error");
        }
        assertThat(PingManager.getInstanceFor(bystander).pingMyServer(false)).isTrue();
    }

    @Test
    @DisplayName("RFC 6120 §11.1, §4.9.3.18: a DOCTYPE with an entity declaration gets restricted-xml")
    void doctypeShouldGetRestrictedXml() {
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            raw.send("<?xml version='1.0'?><!DOCTYPE stream:stream [<!ENTITY boom 'kaboom'>]>"
                    + RawXmppClient.STREAM_HEADER.substring("<?xml version='1.0'?>".length()));
            // RFC 6120 §4.9.1.1: an error in the client's header still comes inside a stream the server opens.
            raw.expect("<stream:stream[^>]*>");
            expectStreamError(raw, "restricted-xml");
        }
    }

    @Test
    @DisplayName("RFC 6120 §4.9.3.12: nesting deeper than limits.max-depth gets policy-violation")
    void tooDeepNestingShouldGetPolicyViolation() {
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            raw.openStream();
            raw.send("<message>" + "<x>".repeat(40) + "</x>".repeat(40) + "</message>");
            expectStreamError(raw, "policy-violation");
        }
    }

    @Test
    @DisplayName("RFC 6120 §4.9.3.12: more attributes than limits.max-attributes gets policy-violation")
    void tooManyAttributesShouldGetPolicyViolation() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            attributes.append(" a").append(i).append("='v'");
        }
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            raw.openStream();
            raw.send("<message" + attributes + "/>");
            expectStreamError(raw, "policy-violation");
        }
    }

    @Test
    @DisplayName("RFC 6120 §4.6.1: a connection that sends nothing is closed after limits.idle-timeout-seconds")
    void idleConnectionShouldBeClosed() {
        try (PerchTestServer idle = PerchTestServer.start(Map.of("limits.idle-timeout-seconds", "1"));
             RawXmppClient raw = RawXmppClient.connect(idle.c2sPort(), Duration.ofSeconds(6))) {
            raw.expectClosed();
            assertThat(raw.isClosedByServer()).isTrue();
        }
    }

    @Test
    @DisplayName("limits.max-connections-per-address: the connection over the limit is closed at once, the "
            + "first three still negotiate")
    void connectionOverThePerAddressLimitShouldBeClosed() {
        try (PerchTestServer limited = PerchTestServer.start(Map.of("limits.max-connections-per-address", "3"))) {
            List<RawXmppClient> admitted = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    RawXmppClient raw = RawXmppClient.connect(limited.c2sPort());
                    admitted.add(raw);
                    assertThat(raw.openStream().group()).contains("starttls");
                }
                try (RawXmppClient fourth = RawXmppClient.connect(limited.c2sPort(), Duration.ofSeconds(5))) {
                    fourth.expectClosed();
                    assertThat(fourth.pending()).isEmpty();
                }
                for (RawXmppClient raw : admitted) {
                    raw.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
                    raw.expect("<proceed xmlns=['\"]urn:ietf:params:xml:ns:xmpp-tls['\"]/>");
                }
            } finally {
                admitted.forEach(RawXmppClient::close);
            }
        }
    }

    /** An IQ result with this id, whatever the order of its attributes. */
    private static String result(String id) {
        return "<iq(?=[^>]*\\bid=['\"]" + id + "['\"])(?=[^>]*\\btype=['\"]result['\"])[^>]*>";
    }

    private static void expectStreamError(RawXmppClient raw, String condition) {
        raw.expect("<stream:error><" + condition + " xmlns=" + STREAM_ERRORS + "\\s*/>");
        raw.expect("</stream:stream>");
        raw.expectClosed();
    }
}
