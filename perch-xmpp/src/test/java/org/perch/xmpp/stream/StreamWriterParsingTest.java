package org.perch.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.perch.xmpp.xml.XmlElement;

/** What {@link StreamWriter} writes must parse back to what it was given, in both framings. */
class StreamWriterParsingTest {
    private static final StreamHeader HEADER = new StreamHeader("juliet@example.com", "example.com", "s-1f2e",
            "1.0", "en");
    private static final XmlElement FEATURES = XmlElement.builder("features", Namespaces.STREAMS)
            .child(XmlElement.builder("starttls", Namespaces.TLS).child("required", Namespaces.TLS).build())
            .child(XmlElement.builder("mechanisms", Namespaces.SASL)
                    .textChild("mechanism", Namespaces.SASL, "SCRAM-SHA-256")
                    .textChild("mechanism", Namespaces.SASL, "PLAIN").build())
            .build();
    private static final XmlElement MESSAGE = XmlElement.builder("message", Namespaces.CLIENT)
            .attribute("from", "lounge@chat.example.com/juliet").attribute("type", "groupchat")
            .attribute("xml:lang", "en")
            .textChild("body", Namespaces.CLIENT, "a < b & \"c\" 'd' > e — 😀")
            .child(XmlElement.builder("occupant-id", "urn:xmpp:occupant-id:0").attribute("id", "x=&y").build())
            .build();

    private final RecordingListener listener = new RecordingListener();

    @Test
    void aTcpStreamWrittenByStreamWriterShouldParseBack() {
        String written = StreamWriter.tcpHeader(HEADER) + StreamWriter.tcpElement(FEATURES)
                + StreamWriter.tcpElement(MESSAGE)
                + StreamWriter.tcpElement(StreamWriter.streamError(StreamErrorCondition.RESTRICTED_XML, "no DTDs"))
                + StreamWriter.tcpClose();
        byte[] bytes = written.getBytes(StandardCharsets.UTF_8);

        new XmlStreamParser(StreamLimits.DEFAULT, listener).feed(bytes, 0, bytes.length);

        assertThat(listener.events).containsExactly(
                new RecordingListener.Opened(HEADER),
                new RecordingListener.Element(FEATURES),
                new RecordingListener.Element(MESSAGE),
                new RecordingListener.Element(StreamWriter.streamError(StreamErrorCondition.RESTRICTED_XML,
                        "no DTDs")),
                new RecordingListener.Closed());
    }

    @Test
    void webSocketFramesWrittenByStreamWriterShouldParseBack() {
        WebSocketFrameParser parser = new WebSocketFrameParser(StreamLimits.DEFAULT, listener);

        parser.feedFrame(StreamWriter.frameOpen(HEADER));
        parser.feedFrame(StreamWriter.frameElement(FEATURES));
        parser.feedFrame(StreamWriter.frameElement(MESSAGE));
        parser.feedFrame(StreamWriter.frameClose());

        assertThat(listener.events).containsExactly(
                new RecordingListener.Opened(HEADER),
                new RecordingListener.Element(FEATURES),
                new RecordingListener.Element(MESSAGE),
                new RecordingListener.Closed());
    }

    @Test
    void theRestrictedXmlConditionShouldHaveItsRfcName() {
        assertThat(StreamErrorCondition.RESTRICTED_XML.elementName()).isEqualTo("restricted-xml");
    }

    /**
     * Found by perch-fuzz's StanzaCodecsFuzzTest: a CR, tab or LF the client sent as a character reference, and an
     * attribute with a namespace prefix, must survive being forwarded or stored and replayed. Before, the CR came
     * back as LF, the attribute's tab and LF as spaces, and the prefix undeclared (output that is not XML).
     */
    @Test
    void whatAClientSentShouldReadBackEqualOnceWrittenAgain() {
        String sent = "<message xmlns:p='urn:example:p' p:a='1' t='&#9;x&#10;y&#13;z'>"
                + "<body>line&#13;&#10;break&#13;</body><x xmlns='urn:example:x'><item p:b='2'/></x></message>";
        byte[] first = (StreamWriter.tcpHeader(HEADER) + sent).getBytes(StandardCharsets.UTF_8);
        new XmlStreamParser(StreamLimits.DEFAULT, listener).feed(first, 0, first.length);
        XmlElement received = listener.elements().getFirst();
        assertThat(received.elements().getFirst().text()).isEqualTo("line\r\nbreak\r");
        assertThat(received.attributes()).containsEntry("t", "\tx\ny\rz").containsEntry("p:a", "1");

        RecordingListener again = new RecordingListener();
        byte[] second = (StreamWriter.tcpHeader(HEADER) + StreamWriter.tcpElement(received))
                .getBytes(StandardCharsets.UTF_8);
        new XmlStreamParser(StreamLimits.DEFAULT, again).feed(second, 0, second.length);

        assertThat(again.elements()).containsExactly(received);
    }
}
