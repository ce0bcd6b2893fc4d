package org.perch.xmpp.netty;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;

/**
 * The pipeline of the two TCP client ports. On the RFC 6120 port the stream starts plain and TLS is inserted
 * at {@link PipelineNames#TLS} on STARTTLS; on the XEP-0368 port TLS is there from the first byte.
 */
final class TcpInitializer extends ChannelInitializer<SocketChannel> {
    private final TransportContext context;
    private final boolean directTls;

    TcpInitializer(TransportContext context, boolean directTls) {
        this.context = context;
        this.directTls = directTls;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        context.channels().add(ch);
        XmlStreamDecoder decoder = new XmlStreamDecoder(context.config().limits());
        ChannelPipeline p = ch.pipeline();
        p.addLast(PipelineNames.CONNECTION_LIMITER, context.limiter());
        p.addLast(PipelineNames.IDLE, context.newIdleHandler());
        p.addLast(PipelineNames.NEGOTIATION_DEADLINE, context.newNegotiationDeadline());
        p.addLast(PipelineNames.WRITABILITY_GUARD, context.newWritabilityGuard());
        if (directTls) {
            p.addLast(PipelineNames.TLS, context.tls().context().newHandler(ch.alloc()));
        }
        p.addLast(PipelineNames.FLUSH_CONSOLIDATION, context.newFlushConsolidation());
        p.addLast(PipelineNames.XML_DECODER, decoder);
        p.addLast(PipelineNames.STANZA_RATE, context.newRateLimiter());
        p.addLast(PipelineNames.SESSION_BRIDGE, new SessionBridge(context,
                channel -> new NettyConnection(channel, context, decoder, directTls), true));
    }
}
