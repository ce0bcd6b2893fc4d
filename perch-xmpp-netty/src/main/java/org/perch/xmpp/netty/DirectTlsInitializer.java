package org.perch.xmpp.netty;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;

/** The pipeline of the XEP-0368 direct TLS port: TLS from the first byte, otherwise the same as c2s. */
final class DirectTlsInitializer extends ChannelInitializer<SocketChannel> {
    private final TransportContext context;

    DirectTlsInitializer(TransportContext context) {
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
        p.addLast(PipelineNames.TLS, context.tls().context().newHandler(ch.alloc()));
        p.addLast(PipelineNames.FLUSH_CONSOLIDATION, context.newFlushConsolidation());
        p.addLast(PipelineNames.XML_DECODER, decoder);
        p.addLast(PipelineNames.SESSION_BRIDGE, new SessionBridge(context.handlers(),
                channel -> new NettyConnection(channel, context.nextId(), decoder, context.tls(), true), true));
    }
}
