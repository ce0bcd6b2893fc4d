package org.perch.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perch.xmpp.xml.XmlElement;

/**
 * The {@code see-other-host} stream error (RFC 6120 §4.9.3.19): the only condition with character data, which
 * names the host to connect to instead, with its port unless it is 5222 and an IPv6 address in brackets.
 */
class SeeOtherHostTest {

    @ParameterizedTest(name = "{0} port {1} -> {2}")
    @CsvSource({
        "fe2.example.org, 5222, fe2.example.org",
        "fe2.example.org, 15222, fe2.example.org:15222",
        "192.0.2.7, 5222, 192.0.2.7",
        "192.0.2.7, 15222, 192.0.2.7:15222",
        "2001:db8::1, 5222, [2001:db8::1]",
        "2001:DB8::1, 9222, [2001:DB8::1]:9222",
        "[2001:db8::1], 9222, [2001:db8::1]:9222",
        "::ffff:192.0.2.7, 15222, [::ffff:192.0.2.7]:15222"
    })
    void theCharacterDataShouldBeTheHostWithItsPortUnlessItIsTheDefault(String host, int port, String expected) {
        assertThat(new OtherHost(host, port).characterData()).isEqualTo(expected);
    }

    @Test
    void aHostThatIsNoHostOrAPortOutOfRangeShouldBeRefused() {
        assertThatThrownBy(() -> new OtherHost("fe2.example.org:5222", 5222))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give the port apart");
        assertThatThrownBy(() -> new OtherHost("", 5222)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OtherHost("fe2 example", 5222)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OtherHost("[2001:db8::1", 5222)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OtherHost("fe2.example.org", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OtherHost("fe2.example.org", 65_536))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seeOtherHostShouldBeWrittenWithTheHostAsTheConditionsCharacterData() {
        XmlElement error = StreamWriter.seeOtherHost(new OtherHost("2001:db8::1", 9222), "connect there");

        assertThat(StreamWriter.tcpElement(error)).isEqualTo("<stream:error>"
                + "<see-other-host xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\">[2001:db8::1]:9222</see-other-host>"
                + "<text xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\" xml:lang=\"en\">connect there</text>"
                + "</stream:error>");
        assertThat(StreamWriter.frameElement(error)).isEqualTo("<stream:error"
                + " xmlns:stream='http://etherx.jabber.org/streams'>"
                + "<see-other-host xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\">[2001:db8::1]:9222</see-other-host>"
                + "<text xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\" xml:lang=\"en\">connect there</text>"
                + "</stream:error>");
    }

    @Test
    void otherConditionsShouldStayEmptyElements() {
        assertThat(StreamWriter.tcpElement(StreamWriter.streamError(StreamErrorCondition.SYSTEM_SHUTDOWN, "")))
                .isEqualTo("<stream:error><system-shutdown xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>"
                        + "</stream:error>");
        assertThatThrownBy(() -> StreamWriter.streamError(StreamErrorCondition.SEE_OTHER_HOST, "somewhere"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seeOtherHost");
    }

    @Test
    void aWrittenSeeOtherHostShouldParseBackWithItsHost() {
        XmlElement error = StreamWriter.seeOtherHost(new OtherHost("fe2.example.org", 15222), "");
        byte[] bytes = (StreamWriter.tcpHeader(new StreamHeader("", "example.org", "s-1", "1.0", "en"))
                + StreamWriter.tcpElement(error) + StreamWriter.tcpClose()).getBytes(StandardCharsets.UTF_8);
        RecordingListener listener = new RecordingListener();

        new XmlStreamParser(StreamLimits.DEFAULT, listener).feed(bytes, 0, bytes.length);

        assertThat(listener.elements()).containsExactly(error);
        assertThat(listener.elements().getFirst().childText("see-other-host", Namespaces.STREAM_ERRORS))
                .contains("fe2.example.org:15222");
    }
}
