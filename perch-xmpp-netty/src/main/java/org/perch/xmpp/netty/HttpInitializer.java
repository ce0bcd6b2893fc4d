package org.perch.xmpp.netty;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The pipeline of the HTTP listener: host-meta (XEP-0156), XMPP over WebSocket (RFC 7395), the {@link HttpSite}'s
 * files (the web client) and, when file posting is on, XEP-0363 uploads and downloads ({@link FileTransferHandler}).
 * On upgrade the
 * handshaker replaces the HTTP codec with the WebSocket frame codec and drops the HTTP aggregator.
 */
final class HttpInitializer extends ChannelInitializer<SocketChannel> {
    /** Requests here are small: GETs and upgrade requests. */
    static final int MAX_HTTP_REQUEST_BYTES = 64 * 1024;
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private final TransportContext context;
    private final HostMeta hostMeta;
    private final HttpSite site;
    private final Optional<HttpFiles> files;
    private final Executor blocking;

    HttpInitializer(TransportContext context, HostMeta hostMeta, HttpSite site, Optional<HttpFiles> files,
                    Executor blocking) {
        this.context = context;
        this.hostMeta = hostMeta;
        this.site = site;
        this.files = files;
        this.blocking = blocking;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        context.channels().add(ch);
        TransportConfig config = context.config();
        boolean tls = config.httpTls();
        ChannelPipeline p = ch.pipeline();
        p.addLast(PipelineNames.CONNECTION_LIMITER, context.limiter());
        p.addLast(PipelineNames.IDLE, context.newIdleHandler());
        p.addLast(PipelineNames.NEGOTIATION_DEADLINE, context.newNegotiationDeadline());
        p.addLast(PipelineNames.WRITABILITY_GUARD, context.newWritabilityGuard());
        if (tls) {
            p.addLast(PipelineNames.TLS, context.tls().context().newHandler(ch.alloc()));
        }
        p.addLast(PipelineNames.FLUSH_CONSOLIDATION, context.newFlushConsolidation());
        p.addLast(PipelineNames.HTTP_CODEC, new HttpServerCodec());
        if (files.isPresent()) {
            // Before the aggregator: uploads stream to disk and downloads from it, never whole in memory.
            p.addLast(PipelineNames.CHUNKED_WRITER, new ChunkedWriteHandler());
            p.addLast(PipelineNames.FILE_TRANSFER, new FileTransferHandler(files.get(), blocking));
        }
        p.addLast(PipelineNames.HTTP_AGGREGATOR, new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES));
        p.addLast(PipelineNames.HTTP_ROUTER, new HttpRequestRouter(hostMeta, site));
        p.addLast(PipelineNames.WEBSOCKET_PROTOCOL, new WebSocketServerProtocolHandler(webSocketConfig(config)));
        p.addLast(PipelineNames.WEBSOCKET_AGGREGATOR, new WebSocketFrameAggregator(config.limits().maxStanzaBytes()));
        p.addLast(PipelineNames.FRAME_DECODER, new XmppFrameDecoder(config.limits()));
        p.addLast(PipelineNames.STANZA_RATE, context.newRateLimiter());
        p.addLast(PipelineNames.SESSION_BRIDGE, new SessionBridge(context,
                channel -> new WebSocketConnection(channel, context, tls), false));
    }

    private static WebSocketServerProtocolConfig webSocketConfig(TransportConfig config) {
        return WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(HostMeta.WEBSOCKET_PATH)
                .subprotocols("xmpp")
                .checkStartsWith(false)
                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(config.limits().maxStanzaBytes())
                        .allowExtensions(false)
                        .build())
                .build();
    }
}
