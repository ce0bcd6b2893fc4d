package org.perch.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StanzaFramerTest {

    private static final String STREAM = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' from='localhost' id='s1' version='1.0'>";

    private final List<String> events = new ArrayList<>();
    private final List<Element> elements = new ArrayList<>();
    private final StanzaFramer framer = new StanzaFramer(new StanzaFramer.Listener() {
        @Override
        public void streamOpened() {
            events.add("opened");
        }

        @Override
        public void element(Element element) {
            events.add(element.name());
            elements.add(element);
        }

        @Override
        public void streamClosed() {
            events.add("closed");
        }
    });

    @Test
    void streamShouldBeCutIntoItsElementsHoweverTheBytesAreSplit() {
        String stream = STREAM + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/>"
                + "</starttls></stream:features> <message from='r@chat.localhost/a' type='groupchat'"
                + " title='a > b'><body>t=42 fish &amp; chips &#x263A;</body></message><r/></stream:stream>";
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            feed(Unpooled.wrappedBuffer(bytes, i, 1));
        }

        assertThat(events).containsExactly("opened", "features", "message", "r", "closed");
        assertThat(elements.get(0).child("starttls").orElseThrow().child("required")).isPresent();
        Element message = elements.get(1);
        assertThat(message.fromBare()).isEqualTo("r@chat.localhost");
        assertThat(message.attribute("title")).contains("a > b");
        assertThat(message.child("body").orElseThrow().text()).isEqualTo("t=42 fish & chips \u263A");
    }

    @Test
    void resetShouldStartANewStreamAfterTheElementThatAskedForIt() {
        feed(bytes(STREAM + "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"));
        framer.reset();
        feed(bytes(STREAM + "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>"));

        assertThat(events).containsExactly("opened", "success", "opened", "features");
    }

    @Test
    void namespacedChildShouldBeFoundByItsXmlns() {
        feed(bytes(STREAM + "<presence from='r@chat.localhost/n'><x xmlns='http://jabber.org/protocol/muc#user'>"
                + "<item role='participant'/><status code='110'/></x></presence>"));

        Element presence = elements.getFirst();
        assertThat(presence.child("x", ClientStanzas.MUC_USER).orElseThrow().children()).hasSize(2);
        assertThat(presence.child("x", "jabber:x:data")).isEmpty();
    }

    private void feed(ByteBuf buf) {
        try {
            framer.feed(buf);
        } finally {
            buf.release();
        }
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }
}
