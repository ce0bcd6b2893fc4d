package org.perch.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.perch.xmpp.stream.ClientStreams.HEADER;
import static org.perch.xmpp.stream.ClientStreams.HEADER_WITHOUT_DECLARATION;
import static org.perch.xmpp.stream.ClientStreams.utf8;
import static org.perch.xmpp.stream.StreamErrorCondition.BAD_FORMAT;
import static org.perch.xmpp.stream.StreamErrorCondition.INVALID_NAMESPACE;
import static org.perch.xmpp.stream.StreamErrorCondition.NOT_WELL_FORMED;
import static org.perch.xmpp.stream.StreamErrorCondition.POLICY_VIOLATION;
import static org.perch.xmpp.stream.StreamErrorCondition.RESTRICTED_XML;
import static org.perch.xmpp.stream.StreamErrorCondition.UNSUPPORTED_ENCODING;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class XmlStreamParserErrorTest {
    private static final StreamLimits SMALL = new StreamLimits(1024, 4, 8);
    static final String BILLION_LAUGHS = "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
            + "<!ENTITY lol1 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>"
            + "<!ENTITY lol2 '&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;'>"
            + "<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>]>"
            + HEADER_WITHOUT_DECLARATION + "<message><body>&lol3;</body></message>";

    private final RecordingListener listener = new RecordingListener();

    static Stream<Arguments> badStreams() {
        return Stream.of(
                Arguments.of("mismatched end tag", HEADER + "<message><body>x</message>", NOT_WELL_FORMED),
                Arguments.of("unbound prefix", HEADER + "<foo:bar/>", NOT_WELL_FORMED),
                Arguments.of("duplicate attribute", HEADER + "<message to='a' to='b'/>", NOT_WELL_FORMED),
                Arguments.of("illegal character reference", HEADER + "<message><body>&#0;</body></message>",
                        NOT_WELL_FORMED),
                Arguments.of("second XML declaration", HEADER + "<?xml version='1.0'?>", NOT_WELL_FORMED),
                Arguments.of("garbage instead of a header", "hello", NOT_WELL_FORMED),
                Arguments.of("DOCTYPE with internal subset", BILLION_LAUGHS, RESTRICTED_XML),
                // Found by XmlStreamFuzzTest: the DOCTYPE guard read ahead of Aalto, so a whole read gave
                // restricted-xml and a byte-by-byte one not-well-formed; the first error in the bytes wins now.
                Arguments.of("text before a DOCTYPE", "xmlns=version='1.0'?><!DOCTYPE stream:stream"
                        + " [<!ENTITY x 'y'>]>", NOT_WELL_FORMED),
                // Found by XmlStreamFuzzTest: Aalto threw a bare RuntimeException for the reserved prefix.
                Arguments.of("element with the xmlns prefix", HEADER + "<xmlns:stream/>", NOT_WELL_FORMED),
                Arguments.of("external DOCTYPE", "<!DOCTYPE stream SYSTEM 'http://evil.example/x.dtd'>"
                        + HEADER_WITHOUT_DECLARATION, RESTRICTED_XML),
                Arguments.of("comment before the header", "<!-- hi -->" + HEADER_WITHOUT_DECLARATION, RESTRICTED_XML),
                Arguments.of("comment between stanzas", HEADER + "<!-- hi -->", RESTRICTED_XML),
                Arguments.of("comment in a stanza", HEADER + "<message><!-- hi --></message>", RESTRICTED_XML),
                Arguments.of("processing instruction before the header", "<?xml version='1.0'?><?xml-stylesheet x?>"
                        + HEADER_WITHOUT_DECLARATION, RESTRICTED_XML),
                Arguments.of("processing instruction in a stanza", HEADER + "<message><?php x ?></message>",
                        RESTRICTED_XML),
                Arguments.of("entity reference in text", HEADER + "<message><body>&nbsp;</body></message>",
                        RESTRICTED_XML),
                Arguments.of("entity reference in an attribute", HEADER + "<message to='&nbsp;'/>", RESTRICTED_XML),
                Arguments.of("wrong root element", "<open xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>",
                        INVALID_NAMESPACE),
                Arguments.of("wrong stream namespace", "<stream:stream xmlns='jabber:client' xmlns:stream='urn:x'>",
                        INVALID_NAMESPACE),
                Arguments.of("server content namespace", "<stream:stream xmlns='jabber:server'"
                        + " xmlns:stream='http://etherx.jabber.org/streams'>", INVALID_NAMESPACE),
                Arguments.of("no content namespace", "<stream:stream xmlns:stream='http://etherx.jabber.org/streams'>",
                        INVALID_NAMESPACE),
                Arguments.of("ISO-8859-1", "<?xml version='1.0' encoding='ISO-8859-1'?>" + HEADER_WITHOUT_DECLARATION,
                        UNSUPPORTED_ENCODING),
                Arguments.of("UTF-16", "<?xml version='1.0' encoding='UTF-16'?>" + HEADER_WITHOUT_DECLARATION,
                        UNSUPPORTED_ENCODING),
                Arguments.of("text between stanzas", HEADER + "hello<presence/>", BAD_FORMAT),
                Arguments.of("too deep", HEADER + "<a><b><c><d><e/></d></c></b></a>", POLICY_VIOLATION),
                Arguments.of("too many attributes", HEADER + "<a a='' b='' c='' d='' e='' f='' g='' h='' i=''/>",
                        POLICY_VIOLATION),
                Arguments.of("too many namespace declarations", HEADER + "<a xmlns:a='a' xmlns:b='b' xmlns:c='c'"
                        + " xmlns:d='d' xmlns:e='e' xmlns:f='f' xmlns:g='g' xmlns:h='h' xmlns:i='i'/>", POLICY_VIOLATION),
                Arguments.of("oversized stanza", HEADER + "<message><body>" + "x".repeat(1024) + "</body></message>",
                        POLICY_VIOLATION),
                Arguments.of("complete stanza one byte over the limit", HEADER + "<message><body>"
                        + "x".repeat(1025 - "<message><body></body></message>".length()) + "</body></message>",
                        POLICY_VIOLATION),
                Arguments.of("oversized header", "<stream:stream xmlns='jabber:client' to='" + "a".repeat(2000) + "'",
                        POLICY_VIOLATION),
                Arguments.of("whitespace flood before the header", " ".repeat(2000), POLICY_VIOLATION));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("badStreams")
    void aBadStreamShouldEndWithTheRightCondition(String why, String input, StreamErrorCondition expected) {
        assertThat(conditionInOneChunk(input)).isEqualTo(expected);
        assertThat(conditionByteByByte(input)).as("byte by byte").isEqualTo(expected);
    }

    @Test
    void invalidUtf8ShouldBeNotWellFormed() {
        XmlStreamParser parser = new XmlStreamParser(SMALL, listener);
        byte[] header = utf8(HEADER + "<message><body>");
        parser.feed(header, 0, header.length);
        byte[] broken = {(byte) 0xC3, (byte) 0x28, '<', '/'};

        assertThat(errorOf(() -> parser.feed(broken, 0, broken.length)).condition()).isEqualTo(NOT_WELL_FORMED);
    }

    /** Found by XmlStreamFuzzTest: Aalto checks character data only when it is read, and threw its own exception. */
    @Test
    void anInvalidUtf8ByteInCompleteCharacterDataShouldBeNotWellFormed() {
        byte[] head = utf8(HEADER + "<message><body>y");
        byte[] tail = utf8("</body></message>");
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 1 + tail.length);
        bytes[head.length] = (byte) 0xFF;
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);

        XmlStreamParser parser = new XmlStreamParser(SMALL, listener);
        assertThat(errorOf(() -> parser.feed(bytes, 0, bytes.length)).condition()).isEqualTo(NOT_WELL_FORMED);
        WebSocketFrameParser frames = new WebSocketFrameParser(SMALL, new RecordingListener());
        byte[] frame = java.util.Arrays.copyOfRange(bytes, HEADER.length(), bytes.length);
        assertThat(errorOf(() -> frames.feedFrame(frame)).condition()).isEqualTo(NOT_WELL_FORMED);
    }

    /**
     * Found by the fuzz targets: Aalto decoded the overlong C0 9F to U+001F, a character XML forbids (so the stanza
     * could not be written out again), and took DE then 09, in separate reads, as one character.
     */
    @Test
    void illFormedUtf8ShouldBeNotWellFormedHoweverItIsSplit() {
        byte[] head = utf8(HEADER + "<presence to='lobby");
        byte[] overlong = {(byte) 0xC0, (byte) 0x9F};
        byte[] tail = utf8("'/>");
        XmlStreamParser parser = new XmlStreamParser(SMALL, listener);
        parser.feed(head, 0, head.length);
        assertThat(errorOf(() -> {
            parser.feed(overlong, 0, overlong.length);
            parser.feed(tail, 0, tail.length);
        }).condition()).isEqualTo(NOT_WELL_FORMED);

        XmlStreamParser split = new XmlStreamParser(SMALL, new RecordingListener());
        byte[] header = utf8(HEADER + "<message><body>");
        byte[] lead = {(byte) 0xDE};
        byte[] rest = utf8("\t</body></message>");
        split.feed(header, 0, header.length);
        split.feed(lead, 0, 1);
        assertThat(errorOf(() -> split.feed(rest, 0, rest.length)).condition()).isEqualTo(NOT_WELL_FORMED);
    }

    /** Found by XmlStreamFuzzTest: shedding the reader between "\t" and "\t" after a lone DE dropped the DE. */
    @Test
    void shedShouldKeepTheReaderWhileACharacterIsIncomplete() {
        XmlStreamParser parser = new XmlStreamParser(SMALL, listener);
        byte[] start = utf8(HEADER + "\t\t");
        byte[] lead = {(byte) 0xDE};
        byte[] rest = utf8("\t<presence/>");
        parser.feed(start, 0, start.length);
        parser.feed(lead, 0, 1);

        assertThat(parser.shed()).isFalse();
        assertThat(errorOf(() -> parser.feed(rest, 0, rest.length)).condition()).isEqualTo(NOT_WELL_FORMED);
    }

    @Test
    void aFrameWithTheXmlnsPrefixOnItsElementShouldBeNotWellFormed() {
        WebSocketFrameParser frames = new WebSocketFrameParser(SMALL, new RecordingListener());
        assertThat(errorOf(() -> frames.feedFrame("<xmlns:x xmlns='jabber:client'/>")).condition())
                .isEqualTo(NOT_WELL_FORMED);
    }

    @Test
    void limitsShouldAllowElementsExactlyAtEachLimit() {
        String atLimits = "<a><b><c><d a='' b='' c='' d='' e='' f='' g='' h=''/></c></b></a>";
        String body = "<message><body></body></message>";
        String fullSize = "<message><body>" + "x".repeat(1024 - body.length()) + "</body></message>";
        byte[] bytes = utf8(HEADER + atLimits + fullSize);

        new XmlStreamParser(SMALL, listener).feed(bytes, 0, bytes.length);

        assertThat(listener.elements()).hasSize(2);
    }

    @Test
    void anOversizedStanzaShouldFailOnTheFirstByteOverTheLimit() {
        XmlStreamParser parser = new XmlStreamParser(SMALL, listener);
        byte[] header = utf8(HEADER);
        parser.feed(header, 0, header.length);
        byte[] stanza = utf8("<message><body>" + "x".repeat(2000));

        for (int i = 0; i < 1024; i++) {
            int at = i;
            assertThatNoException().as("byte %d", i).isThrownBy(() -> parser.feed(stanza, at, 1));
        }
        assertThat(errorOf(() -> parser.feed(stanza, 1024, 1)).condition()).isEqualTo(POLICY_VIOLATION);
    }

    @Test
    void aHugeUnterminatedStanzaShouldFailBeforeItIsAllFed() {
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.DEFAULT, listener);
        byte[] header = utf8(HEADER);
        parser.feed(header, 0, header.length);
        int limit = StreamLimits.DEFAULT.maxStanzaBytes();
        byte[] huge = new byte[10 * 1024 * 1024];
        byte[] start = utf8("<message><body>");
        java.util.Arrays.fill(huge, (byte) 'x');
        System.arraycopy(start, 0, huge, 0, start.length);

        StreamErrorException e = errorOf(() -> parser.feed(huge, 0, limit + 100));

        assertThat(e.condition()).isEqualTo(POLICY_VIOLATION);
        assertThat(listener.elements()).isEmpty();
    }

    @Test
    void aStanzaWithTooManyDistinctNamesShouldBeAPolicyViolation() {
        StringBuilder sb = new StringBuilder(HEADER).append("<message>");
        for (int i = 0; i < ElementTreeBuilder.MAX_NAMES_PER_ELEMENT; i++) {
            sb.append("<n").append(i).append("/>");
        }
        byte[] bytes = utf8(sb.append("</message>").toString());
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.DEFAULT, listener);

        assertThat(errorOf(() -> parser.feed(bytes, 0, bytes.length)).condition()).isEqualTo(POLICY_VIOLATION);
        assertThat(listener.elements()).isEmpty();
    }

    @Test
    void billionLaughsShouldBeRefusedWithoutExpandingAnything() {
        assertThat(conditionInOneChunk(BILLION_LAUGHS)).isEqualTo(RESTRICTED_XML);
        assertThat(listener.events).isEmpty();
    }

    @Test
    void aFailedParserShouldKeepFailingUntilReset() {
        XmlStreamParser parser = new XmlStreamParser(SMALL, listener);
        byte[] bad = utf8(HEADER + "<!-- no -->");
        StreamErrorException first = errorOf(() -> parser.feed(bad, 0, bad.length));
        byte[] good = utf8("<presence/>");

        assertThat(errorOf(() -> parser.feed(good, 0, good.length))).isSameAs(first);
        parser.reset();
        byte[] fresh = utf8(HEADER + "<presence/>");
        parser.feed(fresh, 0, fresh.length);
        assertThat(listener.elements()).hasSize(1);
    }

    private StreamErrorCondition conditionInOneChunk(String input) {
        XmlStreamParser parser = new XmlStreamParser(SMALL, listener);
        byte[] bytes = utf8(input);
        return errorOf(() -> parser.feed(bytes, 0, bytes.length)).condition();
    }

    private StreamErrorCondition conditionByteByByte(String input) {
        XmlStreamParser parser = new XmlStreamParser(SMALL, new RecordingListener());
        byte[] bytes = utf8(input);
        return errorOf(() -> {
            for (int i = 0; i < bytes.length; i++) {
                parser.feed(bytes, i, 1);
            }
        }).condition();
    }

    static StreamErrorException errorOf(Runnable action) {
        StreamErrorException e = catchThrowableOfType(StreamErrorException.class, action::run);
        assertThat(e).as("a stream error").isNotNull();
        return e;
    }
}
