package org.perch.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.perch.xmpp.stream.ClientStreams.CLIENT_STREAM;
import static org.perch.xmpp.stream.ClientStreams.CLIENT_STREAM_EVENTS;
import static org.perch.xmpp.stream.ClientStreams.HEADER;
import static org.perch.xmpp.stream.ClientStreams.HEADER_WITHOUT_DECLARATION;
import static org.perch.xmpp.stream.ClientStreams.PARSED_HEADER;
import static org.perch.xmpp.stream.ClientStreams.utf8;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlWriter;

class XmlStreamParserTest {
    private static final String HEADER_WITH_EXTRA_PREFIX = HEADER.replace("xmlns:stream=",
            "xmlns:ex='urn:example' xmlns:stream=");
    private final RecordingListener listener = new RecordingListener();
    private final XmlStreamParser parser = new XmlStreamParser(StreamLimits.DEFAULT, listener);

    @Test
    void aClientStreamFedInOneChunkShouldGiveHeaderElementsAndClose() {
        byte[] bytes = utf8(CLIENT_STREAM);
        parser.feed(bytes, 0, bytes.length);

        assertThat(listener.events).containsExactlyElementsOf(CLIENT_STREAM_EVENTS);
    }

    @Test
    void aClientStreamFedByteByByteShouldGiveTheSameEvents() {
        byte[] bytes = utf8(CLIENT_STREAM);
        for (int i = 0; i < bytes.length; i++) {
            parser.feed(bytes, i, 1);
        }

        assertThat(listener.events).containsExactlyElementsOf(CLIENT_STREAM_EVENTS);
    }

    @Test
    void aClientStreamSplitAnywhereShouldGiveTheSameEvents() {
        byte[] bytes = utf8(CLIENT_STREAM);
        for (int split = 0; split <= bytes.length; split++) {
            RecordingListener recorder = new RecordingListener();
            XmlStreamParser p = new XmlStreamParser(StreamLimits.DEFAULT, recorder);
            p.feed(bytes, 0, split);
            p.feed(bytes, split, bytes.length - split);

            assertThat(recorder.events).as("split at %d", split).containsExactlyElementsOf(CLIENT_STREAM_EVENTS);
        }
    }

    @Test
    void aSplitInsideAMultiByteCharacterShouldNotCorruptIt() {
        byte[] bytes = utf8(CLIENT_STREAM);
        List<Integer> splits = new ArrayList<>();
        int cedilla = CLIENT_STREAM.indexOf('Ç');
        splits.add(utf8(CLIENT_STREAM.substring(0, cedilla)).length + 1);
        int emoji = CLIENT_STREAM.indexOf("😀");
        int emojiStart = utf8(CLIENT_STREAM.substring(0, emoji)).length;
        splits.addAll(List.of(emojiStart + 1, emojiStart + 2, emojiStart + 3));

        for (int split : splits) {
            RecordingListener recorder = new RecordingListener();
            XmlStreamParser p = new XmlStreamParser(StreamLimits.DEFAULT, recorder);
            p.feed(bytes, 0, split);
            p.feed(bytes, split, bytes.length - split);

            assertThat(recorder.events).as("split at %d", split).containsExactlyElementsOf(CLIENT_STREAM_EVENTS);
        }
    }

    @Test
    void twoStreamsFedInTurnOnOneThreadShouldKeepApart() {
        // Connections on one event loop share the thread's scratch array; each must get only its own bytes.
        byte[] first = utf8(CLIENT_STREAM);
        byte[] second = utf8(HEADER + "<presence><status>second stream</status></presence></stream:stream>");
        RecordingListener other = new RecordingListener();
        XmlStreamParser otherParser = new XmlStreamParser(StreamLimits.DEFAULT, other);
        for (int i = 0; i < Math.max(first.length, second.length); i += 7) {
            if (i < first.length) {
                parser.feed(first, i, Math.min(7, first.length - i));
            }
            if (i < second.length) {
                otherParser.feed(second, i, Math.min(7, second.length - i));
            }
        }

        assertThat(listener.events).containsExactlyElementsOf(CLIENT_STREAM_EVENTS);
        assertThat(other.elements()).extracting(XmlWriter::toXml)
                .containsExactly("<presence xmlns=\"jabber:client\"><status>second stream</status></presence>");
    }

    @Test
    void aListenerThatParsesOtherXmlOnTheSameThreadShouldNotDisturbTheStream() {
        // A handler may read a stored stanza while the connection's bytes are still being parsed.
        RecordingListener nested = new RecordingListener();
        RecordingListener outer = new RecordingListener() {
            @Override
            public void onElement(XmlElement element) {
                super.onElement(element);
                byte[] stored = utf8(HEADER + "<message><body>" + "stored ".repeat(1_000) + "</body></message>");
                new XmlStreamParser(StreamLimits.DEFAULT, nested).feed(stored, 0, stored.length);
            }
        };
        byte[] bytes = utf8(CLIENT_STREAM);
        new XmlStreamParser(StreamLimits.DEFAULT, outer).feed(bytes, 0, bytes.length);

        assertThat(outer.events).containsExactlyElementsOf(CLIENT_STREAM_EVENTS);
        assertThat(nested.elements()).hasSize(outer.elements().size());
    }

    @Test
    void resetShouldMakeTheNextBytesANewStream() {
        feed(HEADER + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        parser.reset();
        feed(HEADER + "<presence/>");

        assertThat(listener.events).containsExactly(
                new RecordingListener.Opened(PARSED_HEADER),
                new RecordingListener.Element(ClientStreams.STARTTLS),
                new RecordingListener.Opened(PARSED_HEADER),
                new RecordingListener.Element(XmlElement.empty("presence", Namespaces.CLIENT)));
    }

    @Test
    void resetFromTheListenerShouldHandTheFollowingBytesToTheNewStream() {
        List<Object> seen = new ArrayList<>();
        XmlStreamParser[] holder = new XmlStreamParser[1];
        holder[0] = new XmlStreamParser(StreamLimits.DEFAULT, new StreamListener() {
            @Override
            public void onStreamOpen(StreamHeader header) {
                seen.add(header);
            }

            @Override
            public void onElement(XmlElement element) {
                seen.add(element.name());
                if (element.name().equals("auth")) {
                    holder[0].reset(); // as after SASL success
                }
            }

            @Override
            public void onStreamClose() {
                seen.add("close");
            }
        });
        String auth = "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AA==</auth>";
        byte[] bytes = utf8(HEADER + auth + HEADER_WITHOUT_DECLARATION + "<iq type='get' id='1'/>");

        holder[0].feed(bytes, 0, bytes.length);

        assertThat(seen).containsExactly(PARSED_HEADER, "auth", PARSED_HEADER, "iq");
    }

    @Test
    void whitespaceKeepalivesShouldBeIgnoredAndNeverAddUpToTheSizeLimit() {
        XmlStreamParser p = new XmlStreamParser(new StreamLimits(1024, 8, 16), listener);
        byte[] header = utf8(HEADER);
        p.feed(header, 0, header.length);
        byte[] space = {' '};
        for (int i = 0; i < 5000; i++) {
            p.feed(space, 0, 1);
        }
        byte[] presence = utf8("\n<presence/>");
        p.feed(presence, 0, presence.length);

        assertThat(listener.events).containsExactly(new RecordingListener.Opened(PARSED_HEADER),
                new RecordingListener.Element(XmlElement.empty("presence", Namespaces.CLIENT)));
    }

    /** Only the declaration of a prefix an attribute uses is kept, so that the element can be written out again. */
    @Test
    void attributesShouldBeKeyedByQualifiedNameWithTheDeclarationsOfTheirPrefixesOnly() {
        feed(HEADER + "<message xmlns:ex='urn:example' xmlns:unused='urn:unused' ex:flag='on' xml:lang='de'"
                + " to='a@b'/>");

        assertThat(listener.elements()).singleElement()
                .extracting(XmlElement::attributes)
                .isEqualTo(Map.of("ex:flag", "on", "xmlns:ex", "urn:example", "xml:lang", "de", "to", "a@b"));
    }

    @Test
    void aStanzaWithAPrefixedStreamNamespaceShouldKeepItsNamespace() {
        feed(HEADER + "<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>");

        assertThat(listener.elements()).containsExactly(XmlElement.builder("error", Namespaces.STREAMS)
                .child("conflict", Namespaces.STREAM_ERRORS).build());
    }

    @Test
    void elementsWrittenByXmlWriterShouldParseBackEqual() {
        feed(CLIENT_STREAM);
        List<XmlElement> first = listener.elements();

        RecordingListener again = new RecordingListener();
        XmlStreamParser p = new XmlStreamParser(StreamLimits.DEFAULT, again);
        StringBuilder sb = new StringBuilder(HEADER);
        first.forEach(e -> sb.append(XmlWriter.toXml(e)));
        byte[] bytes = utf8(sb.toString());
        p.feed(bytes, 0, bytes.length);

        assertThat(again.elements()).isEqualTo(first).hasSize(4);
    }

    @Test
    void aLongStreamOfEverNewNamesShouldKeepResolvingNamespacesAcrossFreshReaders() {
        StringBuilder sb = new StringBuilder(HEADER);
        int stanzas = 5000; // three new names each: several fresh readers
        for (int i = 0; i < stanzas; i++) {
            sb.append("<m").append(i).append(" a").append(i).append("='v'><n").append(i).append("/></m").append(i)
                    .append('>');
        }
        sb.append("<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>");
        byte[] bytes = utf8(sb.toString());
        for (int i = 0; i < bytes.length; i += 7) {
            parser.feed(bytes, i, Math.min(7, bytes.length - i));
        }

        List<XmlElement> elements = listener.elements();
        assertThat(elements).hasSize(stanzas + 1);
        assertThat(elements.get(4321)).isEqualTo(XmlElement.builder("m4321", Namespaces.CLIENT)
                .attribute("a4321", "v").child("n4321", Namespaces.CLIENT).build());
        assertThat(elements.get(stanzas)).isEqualTo(XmlElement.builder("error", Namespaces.STREAMS)
                .child("conflict", Namespaces.STREAM_ERRORS).build());
    }

    @Test
    void aShedReaderShouldLeaveTheStreamReadingOnWithItsDeclaredPrefixes() {
        feed(HEADER_WITH_EXTRA_PREFIX + "<message to='a@b'><body>one</body></message>");
        assertThat(parser.shed()).isTrue();

        feed("<ex:ping/><message to='a@b'><body>two</body></message>");
        assertThat(parser.shed()).isTrue();
        feed("</stream:stream>");

        assertThat(listener.elements()).containsExactly(
                message("one"), XmlElement.empty("ping", "urn:example"), message("two"));
        assertThat(listener.events.getLast()).isEqualTo(new RecordingListener.Closed());
    }

    @Test
    void whitespaceAfterTheLastStanzaShouldNotKeepTheReader() {
        feed(HEADER + "<presence/>\n");
        assertThat(parser.shed()).isTrue();
        feed(" \t<presence/> ");
        assertThat(parser.shed()).isTrue();

        assertThat(listener.elements()).hasSize(2);
    }

    @Test
    void aStanzaHalfReceivedShouldKeepItsReader() {
        feed(HEADER + "<message to='a@b'><bo");

        assertThat(parser.shed()).isFalse();
        feed("dy>one</body></message>");
        assertThat(listener.elements()).containsExactly(message("one"));
    }

    @Test
    void aStreamNotYetOpenedShouldKeepItsReader() {
        feed("<?xml version='1.0'?><stream:str");

        assertThat(parser.shed()).isFalse();
        feed(HEADER_WITHOUT_DECLARATION.substring("<stream:str".length()) + "<presence/>");
        assertThat(listener.elements()).containsExactly(XmlElement.empty("presence", Namespaces.CLIENT));
    }

    @Test
    void theSizeLimitShouldCountFromTheFirstByteAfterAShed() {
        XmlStreamParser p = new XmlStreamParser(new StreamLimits(1024, 8, 16), listener);
        byte[] header = utf8(HEADER);
        p.feed(header, 0, header.length);
        byte[] presence = utf8("<presence/>");
        for (int i = 0; i < 100; i++) { // 1,100 bytes in all: each unit is measured from its own start
            p.feed(presence, 0, presence.length);
            assertThat(p.shed()).isTrue();
        }
        byte[] large = utf8("<message><body>" + "x".repeat(1024) + "</body></message>");

        assertThatThrownBy(() -> p.feed(large, 0, large.length)).isInstanceOf(StreamErrorException.class)
                .extracting(e -> ((StreamErrorException) e).condition())
                .isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
        assertThat(listener.elements()).hasSize(100);
    }

    private static XmlElement message(String body) {
        return XmlElement.builder("message", Namespaces.CLIENT).attribute("to", "a@b")
                .textChild("body", Namespaces.CLIENT, body).build();
    }

    private void feed(String s) {
        byte[] bytes = utf8(s);
        parser.feed(bytes, 0, bytes.length);
    }
}
