package org.perch.xmpp.stream;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import org.perch.xmpp.xml.XmlElement;

/** A realistic client stream and what a parser must make of it. */
final class ClientStreams {
    static final String HEADER_WITHOUT_DECLARATION = "<stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' to='example.com' version='1.0' xml:lang='en'>";
    static final String HEADER = "<?xml version='1.0'?>" + HEADER_WITHOUT_DECLARATION;
    static final StreamHeader PARSED_HEADER = new StreamHeader("example.com", "", "", "1.0", "en");

    static final String CLIENT_STREAM = HEADER
            + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>\n"
            + "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGp1bGlldAByMG0zMG15cjBtMzA=</auth> \r\n"
            + "<iq type='set' id='bind-1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
            + "<resource>balcony</resource></bind></iq>\t"
            + "<message to='lounge@chat.example.com' type='groupchat' xml:lang='fr' id=\"m&amp;1\">"
            + "<body>Ça va? 1 &lt;&amp; 2 &#x263A;&#65; 😀</body>"
            + "<x><c:item xmlns:c='urn:example:custom'>a<![CDATA[<b>]]>c</c:item></x></message>\n"
            + "</stream:stream>";

    static final XmlElement STARTTLS = XmlElement.empty("starttls", Namespaces.TLS);
    static final XmlElement AUTH = XmlElement.builder("auth", Namespaces.SASL).attribute("mechanism", "PLAIN")
            .text("AGp1bGlldAByMG0zMG15cjBtMzA=").build();
    static final XmlElement IQ = XmlElement.builder("iq", Namespaces.CLIENT).attribute("type", "set")
            .attribute("id", "bind-1")
            .child(XmlElement.builder("bind", Namespaces.BIND).textChild("resource", Namespaces.BIND, "balcony")
                    .build())
            .build();
    static final XmlElement MESSAGE = XmlElement.builder("message", Namespaces.CLIENT)
            .attribute("to", "lounge@chat.example.com").attribute("type", "groupchat").attribute("xml:lang", "fr")
            .attribute("id", "m&1")
            .textChild("body", Namespaces.CLIENT, "Ça va? 1 <& 2 \u263AA 😀")
            .child(XmlElement.builder("x", Namespaces.CLIENT)
                    .child(XmlElement.builder("item", "urn:example:custom").text("a<b>c").build()).build())
            .build();

    static final List<RecordingListener.Event> CLIENT_STREAM_EVENTS = List.of(
            new RecordingListener.Opened(PARSED_HEADER),
            new RecordingListener.Element(STARTTLS),
            new RecordingListener.Element(AUTH),
            new RecordingListener.Element(IQ),
            new RecordingListener.Element(MESSAGE),
            new RecordingListener.Closed());

    private ClientStreams() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(UTF_8);
    }
}
