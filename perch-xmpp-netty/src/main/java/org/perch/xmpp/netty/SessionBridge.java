package org.perch.xmpp.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import io.netty.handler.codec.DecoderException;
import org.perch.xmpp.session.StreamHandler;
import org.perch.xmpp.session.StreamHandlerFactory;
import org.perch.xmpp.stream.StreamErrorCondition;
import org.perch.xmpp.stream.StreamErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every client pipeline: creates the session's {@link StreamHandler} (on TCP when the channel
 * becomes active, on WebSocket when the upgrade completes), hands it the decoder's {@link StreamEvent}s, turns
 * read-idleness into {@code connection-timeout}, and reports the disconnect exactly once.
 */
final class SessionBridge extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SessionBridge.class);

    private final StreamHandlerFactory factory;
    private final Function<Channel, ChannelConnection> connections;
    private final boolean startOnActive;
    private ChannelConnection connection;
    private StreamHandler handler;
    private boolean disconnected;

    /**
     * @param startOnActive true for TCP; false for WebSocket, whose session starts after the upgrade
     */
    SessionBridge(StreamHandlerFactory factory, Function<Channel, ChannelConnection> connections,
                  boolean startOnActive) {
        this.factory = factory;
        this.connections = connections;
        this.startOnActive = startOnActive;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (startOnActive) {
            start(ctx);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete && !startOnActive) {
            start(ctx);
        } else if (event instanceof IdleStateEvent idle) {
            onIdle(ctx, idle);
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof StreamEvent event) || handler == null) {
            ReferenceCountUtil.release(msg);
            return;
        }
        switch (event) {
            case StreamEvent.Opened opened -> handler.onStreamOpen(opened.header());
            case StreamEvent.Element element -> handler.onElement(element.element());
            case StreamEvent.Closed closed -> handler.onStreamClose();
            case StreamEvent.Failed failed -> handler.onStreamError(failed.error());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (handler != null && !disconnected) {
            disconnected = true;
            connection.markClosed();
            handler.onDisconnect();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String label = connection == null ? String.valueOf(ctx.channel().remoteAddress()) : connection.label();
        if (cause instanceof IOException || cause instanceof SSLException || cause instanceof DecoderException) {
            LOG.debug("{}: closing after transport error", label, cause);
        } else {
            LOG.warn("{}: closing after unexpected error", label, cause);
        }
        ctx.close();
    }

    private void start(ChannelHandlerContext ctx) {
        if (handler == null) {
            connection = connections.apply(ctx.channel());
            handler = factory.create(connection);
        }
    }

    /** The first idle period asks the session to end the stream; if it has not by the next one, we close. */
    private void onIdle(ChannelHandlerContext ctx, IdleStateEvent idle) {
        if (handler == null || !idle.isFirst()) {
            ctx.close();
            return;
        }
        handler.onStreamError(new StreamErrorException(StreamErrorCondition.CONNECTION_TIMEOUT, "idle"));
    }
}
