package org.perch.xmpp.netty;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.perch.xmpp.session.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both framings share: ordered writes from any thread, the outbound cap, closing once, channel binding and
 * the labels. Every action runs on the channel's event loop; an action submitted from the loop itself still
 * queues behind actions other threads submitted earlier, so writes keep the order in which they were made.
 */
abstract sealed class ChannelConnection implements Connection permits NettyConnection, WebSocketConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelConnection.class);
    /** Outbound bytes beyond the high water mark at which a connection is dropped at once, not after a delay. */
    static final long MAX_PENDING_BYTES = 1024 * 1024;

    final Channel channel;
    private final String label;
    private final String remoteAddress;
    private final Optional<byte[]> serverEndPoint;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean closeCalled = new AtomicBoolean();
    /** Set on the event loop when the closing sequence is written or the channel is gone. */
    private volatile boolean finished;

    ChannelConnection(Channel channel, String kind, long id, Optional<byte[]> serverEndPoint) {
        this.channel = channel;
        this.serverEndPoint = serverEndPoint;
        if (channel.remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null) {
            this.remoteAddress = remote.getAddress().getHostAddress();
            this.label = kind + "#" + id + " " + remoteAddress + ":" + remote.getPort();
        } else {
            this.remoteAddress = String.valueOf(channel.remoteAddress());
            this.label = kind + "#" + id + " " + remoteAddress;
        }
    }

    @Override
    public final String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final List<String> channelBindingTypes() {
        return establishedTls().map(tls -> ChannelBindings.types(tls.engine(), serverEndPoint)).orElse(List.of());
    }

    @Override
    public final Optional<byte[]> channelBinding(String type) {
        Optional<SslHandler> tls = establishedTls();
        if (tls.isEmpty()) {
            return Optional.empty();
        }
        return switch (type) {
            case ChannelBindings.TLS_EXPORTER -> ChannelBindings.exporter(tls.get().engine());
            case ChannelBindings.TLS_SERVER_END_POINT -> serverEndPoint.map(byte[]::clone);
            default -> Optional.empty();
        };
    }

    @Override
    public final void close(Optional<StreamError> error) {
        if (closeCalled.compareAndSet(false, true)) {
            submit(() -> {
                if (!finished && channel.isActive()) {
                    finished = true;
                    writeClosing(error);
                }
            });
        }
    }

    /** The channel went away: nothing more is written. */
    final void markClosed() {
        finished = true;
    }

    /** Frames one piece of output for the wire; called on the event loop. */
    abstract Object encode(String text);

    /** Writes the closing sequence of the framing and closes the channel once it is flushed (event loop). */
    abstract void writeClosing(Optional<StreamError> error);

    /** Writes text in order, unless the stream is finished or the peer has stopped reading. */
    final void write(String text) {
        submit(() -> {
            if (finished || !channel.isActive()) {
                return;
            }
            if (!channel.isWritable() && channel.bytesBeforeWritable() > MAX_PENDING_BYTES) {
                LOG.info("disconnecting {}: {} bytes waiting for a peer that does not read", label,
                        channel.bytesBeforeWritable());
                finished = true;
                channel.close();
                return;
            }
            // A failed write (peer gone) needs no handling here: channelInactive ends the session.
            channel.writeAndFlush(encode(text));
        });
    }

    final void submit(Runnable action) {
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop() && queued.get() == 0) {
            action.run();
            return;
        }
        queued.incrementAndGet();
        try {
            loop.execute(() -> {
                queued.decrementAndGet();
                action.run();
            });
        } catch (RejectedExecutionException e) {
            queued.decrementAndGet();
            LOG.debug("{}: event loop shut down, action dropped", label);
        }
    }

    private Optional<SslHandler> establishedTls() {
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        if (tls == null || !tls.handshakeFuture().isSuccess()) {
            return Optional.empty();
        }
        return Optional.of(tls);
    }
}
