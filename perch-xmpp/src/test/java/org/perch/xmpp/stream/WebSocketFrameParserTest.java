package org.perch.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.xmpp.stream.XmlStreamParserErrorTest.errorOf;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.perch.xmpp.xml.XmlElement;

class WebSocketFrameParserTest {
    private static final StreamLimits SMALL = new StreamLimits(1024, 4, 8);

    private final RecordingListener listener = new RecordingListener();
    private final WebSocketFrameParser parser = new WebSocketFrameParser(SMALL, listener);

    @Test
    void openStanzasAndCloseShouldBecomeStreamEvents() {
        parser.feedFrame("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='example.com' version='1.0'"
                + " xml:lang='en'/>");
        parser.feedFrame("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                + "AGp1bGlldAByMG0zMG15cjBtMzA=</auth>");
        parser.feedFrame("<message xmlns='jabber:client' to='lounge@chat.example.com' type='groupchat'"
                + " xml:lang='fr' id='m&amp;1'><body>Ça va? 1 &lt;&amp; 2 &#x263A;&#65; 😀</body>"
                + "<x><c:item xmlns:c='urn:example:custom'>a<![CDATA[<b>]]>c</c:item></x></message>");
        parser.feedFrame("<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>");

        assertThat(listener.events).containsExactly(
                new RecordingListener.Opened(ClientStreams.PARSED_HEADER),
                new RecordingListener.Element(ClientStreams.AUTH),
                new RecordingListener.Element(ClientStreams.MESSAGE),
                new RecordingListener.Closed());
    }

    @Test
    void aStanzaWithoutNamespaceShouldBeTakenAsJabberClient() {
        parser.feedFrame("<iq type='get' id='p1'><ping xmlns='urn:xmpp:ping'/></iq>");

        assertThat(listener.elements()).containsExactly(XmlElement.builder("iq", Namespaces.CLIENT)
                .attribute("type", "get").attribute("id", "p1").child("ping", "urn:xmpp:ping").build());
    }

    @Test
    void aFrameGivenAsBytesShouldParseLikeItsText() {
        byte[] frame = "\n<presence xmlns='jabber:client'><status>😀</status></presence>\n"
                .getBytes(StandardCharsets.UTF_8);

        parser.feedFrame(frame);

        assertThat(listener.elements()).containsExactly(XmlElement.builder("presence", Namespaces.CLIENT)
                .textChild("status", Namespaces.CLIENT, "😀").build());
    }

    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("two elements", "<presence/><presence/>", StreamErrorCondition.NOT_WELL_FORMED),
                Arguments.of("trailing garbage", "<presence/>garbage", StreamErrorCondition.NOT_WELL_FORMED),
                Arguments.of("truncated element", "<message><body>hi</body>", StreamErrorCondition.NOT_WELL_FORMED),
                Arguments.of("empty frame", "", StreamErrorCondition.NOT_WELL_FORMED),
                Arguments.of("TCP stream header", "<stream:stream xmlns='jabber:client'"
                        + " xmlns:stream='http://etherx.jabber.org/streams' to='example.com' version='1.0'>",
                        StreamErrorCondition.INVALID_NAMESPACE),
                Arguments.of("comment", "<presence><!-- x --></presence>", StreamErrorCondition.RESTRICTED_XML),
                Arguments.of("DOCTYPE", "<!DOCTYPE presence [<!ENTITY a 'b'>]><presence>&a;</presence>",
                        StreamErrorCondition.RESTRICTED_XML),
                Arguments.of("entity reference", "<presence>&lol;</presence>", StreamErrorCondition.RESTRICTED_XML),
                Arguments.of("processing instruction", "<presence><?x y?></presence>",
                        StreamErrorCondition.RESTRICTED_XML),
                Arguments.of("Latin-1", "<?xml version='1.0' encoding='ISO-8859-1'?><presence/>",
                        StreamErrorCondition.UNSUPPORTED_ENCODING),
                Arguments.of("too deep", "<a><b><c><d><e/></d></c></b></a>", StreamErrorCondition.POLICY_VIOLATION),
                Arguments.of("too many attributes", "<a a='' b='' c='' d='' e='' f='' g='' h='' i=''/>",
                        StreamErrorCondition.POLICY_VIOLATION),
                Arguments.of("oversized frame", "<message><body>" + "x".repeat(1024) + "</body></message>",
                        StreamErrorCondition.POLICY_VIOLATION));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("badFrames")
    void aBadFrameShouldEndTheStreamWithTheRightCondition(String why, String frame, StreamErrorCondition expected) {
        assertThat(errorOf(() -> parser.feedFrame(frame)).condition()).isEqualTo(expected);
        assertThat(listener.events).isEmpty();
    }

    @Test
    void aFrameOverTheLimitInBytesShouldBeRefusedEvenWhenItsCharactersFit() {
        String frame = "<message><body>" + "é".repeat(600) + "</body></message>";

        assertThat(errorOf(() -> parser.feedFrame(frame)).condition())
                .isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
    }

    @Test
    void billionLaughsShouldBeRefusedWithoutExpandingAnything() {
        String frame = XmlStreamParserErrorTest.BILLION_LAUGHS
                .replace(ClientStreams.HEADER_WITHOUT_DECLARATION, "");

        assertThat(errorOf(() -> parser.feedFrame(frame)).condition())
                .isEqualTo(StreamErrorCondition.RESTRICTED_XML);
        assertThat(listener.events).isEmpty();
    }

    @Test
    void aFailedParserShouldRefuseLaterFrames() {
        StreamErrorException first = errorOf(() -> parser.feedFrame("<a>"));

        assertThat(errorOf(() -> parser.feedFrame("<presence/>"))).isSameAs(first);
        assertThat(listener.events).isEmpty();
    }
}
