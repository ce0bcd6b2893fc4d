package org.perch.xmpp.netty;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;

/** The pipeline of the RFC 6120 client port: plain at first, TLS inserted at {@link PipelineNames#TLS} on STARTTLS. */
final class C2sInitializer extends ChannelInitializer<SocketChannel> {
    private final TransportContext context;

    C2sInitializer(TransportContext context) {
        this.context = context;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        context.channels().add(ch);
        XmlStreamDecoder decoder = new XmlStreamDecoder(context.config().limits());
        ChannelPipeline p = ch.pipeline();
        p.addLast(PipelineNames.CONNECTION_LIMITER, context.limiter());
        p.addLast(PipelineNames.IDLE, context.newIdleHandler());
        p.addLast(PipelineNames.WRITABILITY_GUARD, context.newWritabilityGuard());
        // PipelineNames.TLS goes here when the client sends <starttls/> (NettyConnection#startTls).
        p.addLast(PipelineNames.FLUSH_CONSOLIDATION, context.newFlushConsolidation());
        p.addLast(PipelineNames.XML_DECODER, decoder);
        p.addLast(PipelineNames.SESSION_BRIDGE, new SessionBridge(context.handlers(),
                channel -> new NettyConnection(channel, context.nextId(), decoder, context.tls(), false), true));
    }
}
