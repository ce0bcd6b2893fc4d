package org.perch.xmpp.netty;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslContext;
import java.util.Optional;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.stream.StreamHeader;
import org.perch.xmpp.stream.StreamWriter;
import org.perch.xmpp.xml.XmlElement;

/**
 * A client stream over TCP (RFC 6120): one XML document per direction, restarted after STARTTLS and SASL.
 * A session should call {@link #restartStream()} before it sends {@code <success/>}, so the reset is in place
 * before the client's new header can arrive.
 */
final class NettyConnection extends ChannelConnection {
    private static final String PROCEED = "<proceed xmlns='" + Namespaces.TLS + "'/>";

    private final XmlStreamDecoder decoder;
    private final SslContext tls;
    private volatile boolean secure;

    /**
     * @param directTls whether the channel already starts with TLS (XEP-0368); otherwise STARTTLS is offered
     */
    NettyConnection(Channel channel, TransportContext context, XmlStreamDecoder decoder, boolean directTls) {
        super(channel, "c2s", context.nextId(), context.tls().serverEndPoint(), context);
        this.decoder = decoder;
        this.tls = context.tls().context();
        this.secure = directTls;
    }

    @Override
    public void openStream(StreamHeader header) {
        streamOpen(true);
        write(StreamWriter.tcpHeader(header));
    }

    @Override
    public void send(XmlElement element) {
        write(StreamWriter.tcpElement(element));
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public boolean canStartTls() {
        return !secure;
    }

    /**
     * Runs as one event-loop step: {@code <proceed/>} is written and flushed below the TLS position, then the
     * SslHandler goes in and the parser is reset, so the next bytes read (the ClientHello) reach TLS and no
     * byte is parsed by the old parser after the switch.
     */
    @Override
    public void startTls() {
        if (secure) {
            throw new IllegalStateException("TLS is already active on " + label());
        }
        secure = true;
        streamOpen(false);
        submit(() -> {
            if (!channel.isActive()) {
                return;
            }
            // Written from the consolidation handler's context: flushed at once, and below the TLS position.
            ChannelHandlerContext below = channel.pipeline().context(PipelineNames.FLUSH_CONSOLIDATION);
            below.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), PROCEED), channel.voidPromise());
            channel.pipeline().addBefore(PipelineNames.FLUSH_CONSOLIDATION, PipelineNames.TLS,
                    tls.newHandler(channel.alloc()));
            decoder.reset();
        });
    }

    @Override
    public void restartStream() {
        streamOpen(false);
        submit(decoder::reset);
    }

    @Override
    Object encode(String text) {
        return ByteBufUtil.writeUtf8(channel.alloc(), text);
    }

    @Override
    void writeClosing(Optional<StreamError> error) {
        StringBuilder out = new StringBuilder(256);
        error.ifPresent(e -> out.append(StreamWriter.tcpElement(e.element())));
        out.append(StreamWriter.tcpClose());
        channel.writeAndFlush(encode(out.toString())).addListener(ChannelFutureListener.CLOSE);
    }
}
