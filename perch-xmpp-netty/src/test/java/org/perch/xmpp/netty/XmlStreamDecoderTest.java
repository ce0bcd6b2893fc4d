package org.perch.xmpp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class XmlStreamDecoderTest {
    private static final String HEADER = "<stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' to='example.test' version='1.0'>";

    private final RecordingFactory sessions = new RecordingFactory();
    private EmbeddedChannel channel;
    private RecordingHandler session;

    @BeforeEach
    void open() throws InterruptedException {
        XmlStreamDecoder decoder = new XmlStreamDecoder(TestTransports.LIMITS);
        TransportContext context = TestTransports.context(sessions);
        channel = new EmbeddedChannel(decoder, new SessionBridge(context,
                ch -> new NettyConnection(ch, context, decoder, false), true));
        session = sessions.next();
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void anElementSplitIntoSingleBytesShouldArriveWhole() throws Exception {
        for (byte b : (HEADER + "<presence><status>away</status></presence>").getBytes(StandardCharsets.UTF_8)) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertThat(session.next()).isEqualTo("open to=example.test");
        assertThat(session.next()).isEqualTo("element presence");
        assertThat(outbound()).contains("<stream:stream").contains("<presence><status>away</status></presence>");
    }

    @Test
    void nothingShouldBeParsedAfterAStreamError() throws Exception {
        write(HEADER + "<message></presence><iq type='get' id='1'/>");
        assertThat(session.next()).startsWith("open");
        assertThat(session.next()).isEqualTo("error not-well-formed");
        assertThat(outbound()).contains("<not-well-formed").endsWith("</stream:stream>");
        assertThat(channel.isActive()).isFalse();
        assertThat(session.next()).isEqualTo("disconnect");
        assertThat(session.events).isEmpty();
    }

    @Test
    void aRestartShouldLetTheClientOpenANewStream() throws Exception {
        write(HEADER);
        assertThat(session.next()).startsWith("open");
        session.connection.restartStream();
        write(HEADER + "<presence/>");
        assertThat(session.next()).isEqualTo("open to=example.test");
        assertThat(session.next()).isEqualTo("element presence");
    }

    @Test
    void aSendBeforeCloseShouldBeWrittenBeforeTheClosingTag() throws Exception {
        write(HEADER);
        session.next();
        outbound();
        session.connection.send(org.perch.xmpp.xml.XmlElement.empty("presence", "jabber:client"));
        session.connection.close(java.util.Optional.empty());
        session.connection.close(java.util.Optional.empty());
        assertThat(outbound()).isEqualTo("<presence/></stream:stream>");
        assertThat(channel.isActive()).isFalse();
    }

    private void write(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    private String outbound() {
        StringBuilder sb = new StringBuilder();
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            sb.append(buf.toString(StandardCharsets.UTF_8));
            buf.release();
        }
        return sb.toString();
    }
}
