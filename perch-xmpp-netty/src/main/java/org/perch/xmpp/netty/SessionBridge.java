package org.perch.xmpp.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import io.netty.handler.codec.DecoderException;
import org.perch.xmpp.session.Connection;
import org.perch.xmpp.session.StreamHandler;
import org.perch.xmpp.session.StreamHandlerFactory;
import org.perch.xmpp.stream.StreamErrorCondition;
import org.perch.xmpp.stream.StreamErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every client pipeline: creates the session's {@link StreamHandler} (on TCP when the channel
 * becomes active, on WebSocket when the upgrade completes), hands it the decoder's {@link StreamEvent}s, turns
 * read-idleness into {@code connection-timeout} and a broken {@link LimitExceeded limit} into its stream error,
 * and reports the disconnect exactly once.
 */
final class SessionBridge extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SessionBridge.class);

    private final StreamHandlerFactory factory;
    private final TransportStats stats;
    private final Function<Channel, ChannelConnection> connections;
    private final boolean startOnActive;
    private ChannelConnection connection;
    private StreamHandler handler;
    private boolean disconnected;
    private boolean limitBroken;

    /**
     * @param startOnActive true for TCP; false for WebSocket, whose session starts after the upgrade
     */
    SessionBridge(TransportContext context, Function<Channel, ChannelConnection> connections,
                  boolean startOnActive) {
        this.factory = context.handlers();
        this.stats = context.stats();
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
        } else if (event instanceof LimitExceeded limit) {
            onLimit(ctx, limit);
            return;
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

    /**
     * Ends the stream with the limit's error at once, whatever the session still has queued (stanzas it took in
     * before the limit was broken go on being handled, but nothing more reaches the client), and tells the session,
     * which ends itself (no resumption) when it gets there. A connection with no session, or with no stream of ours
     * open to carry an error the limit may leave out, is just closed. When no stream is open but the limit wants
     * its error sent, the session opens one first (RFC 6120 §4.9.1.1); if it has not closed the connection within
     * twice {@link ChannelConnection#CLOSING_GRACE}, we do.
     */
    private void onLimit(ChannelHandlerContext ctx, LimitExceeded limit) {
        if (limitBroken || !ctx.channel().isActive()) {
            return;
        }
        limitBroken = true;
        stats.closed(limit.limit());
        boolean framable = handler != null && connection.canFrameStreamError();
        if (handler == null || (limit.silentWithoutStream() && !framable)) {
            ctx.close();
            return;
        }
        if (framable) {
            connection.close(Optional.of(new Connection.StreamError(limit.error().condition(), limit.text())));
        } else {
            ctx.executor().schedule(() -> ctx.close(), ChannelConnection.CLOSING_GRACE.toMillis() * 2,
                    TimeUnit.MILLISECONDS);
        }
        handler.onStreamError(limit.error());
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
