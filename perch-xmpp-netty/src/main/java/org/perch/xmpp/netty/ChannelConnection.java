package org.perch.xmpp.netty;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.perch.xmpp.session.Connection;
import org.perch.xmpp.stream.StreamErrorCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both framings share: ordered writes from any thread, the outbound cap, closing once, channel binding and
 * the labels. Every action runs on the channel's event loop; an action submitted from the loop itself still
 * queues behind actions other threads submitted earlier, so writes keep the order in which they were made.
 *
 * <p>Unsent output is bounded by an {@link OutboundBudget}: a write that would take it beyond
 * {@link ConnectionLimits#maxOutboundBytes()} is dropped, and the session is ended as a slow reader's.
 */
abstract sealed class ChannelConnection implements Connection permits NettyConnection, WebSocketConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelConnection.class);
    /**
     * How long the closing sequence (stream error, closing tag) may take to be sent before the socket is closed
     * anyway: a peer that does not read would otherwise keep a closing connection open for ever.
     */
    static final Duration CLOSING_GRACE = Duration.ofSeconds(3);

    final Channel channel;
    private final String label;
    private final String remoteAddress;
    private final Optional<byte[]> serverEndPoint;
    private final OutboundBudget outbound;
    private final ConnectionLimiter limiter;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean closeCalled = new AtomicBoolean();
    /** Set on the event loop when the closing sequence is written or the channel is gone. */
    private volatile boolean finished;
    /** Set when a write found no room: nothing more is written, and the session is being ended. */
    private volatile boolean overflowed;
    /** Whether our side of a stream is open, so that a stream error can be framed in it. */
    private volatile boolean streamOpen;

    ChannelConnection(Channel channel, String kind, long id, Optional<byte[]> serverEndPoint,
                      TransportContext context) {
        this.channel = channel;
        this.serverEndPoint = serverEndPoint;
        this.outbound = new OutboundBudget(channel, context.config().connections().maxOutboundBytes(),
                context.stats());
        this.limiter = context.limiter();
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
            error.filter(e -> e.condition() == StreamErrorCondition.POLICY_VIOLATION
                            || e.condition() == StreamErrorCondition.RESTRICTED_XML)
                    .ifPresent(e -> limiter.offence(channel.remoteAddress(), e.condition().elementName()
                            + " (" + e.text() + ")"));
            submit(() -> {
                if (!finished && channel.isActive()) {
                    finished = true;
                    writeClosing(error);
                    if (!channel.eventLoop().isShuttingDown()) {
                        channel.eventLoop().schedule(() -> channel.close(), CLOSING_GRACE.toMillis(),
                                TimeUnit.MILLISECONDS);
                    }
                }
            });
        }
    }

    /** The session is bound: the negotiation deadline no longer applies. */
    @Override
    public final void negotiated() {
        submit(() -> {
            if (channel.pipeline().get(PipelineNames.NEGOTIATION_DEADLINE) != null) {
                channel.pipeline().remove(PipelineNames.NEGOTIATION_DEADLINE);
            }
        });
    }

    /** Handed to the {@link StanzaRateLimiter} as a {@link StanzaCost}; dropped where no rate applies. */
    @Override
    public final void charge(int stanzas) {
        if (stanzas > 0) {
            submit(() -> channel.pipeline().fireUserEventTriggered(new StanzaCost(stanzas)));
        }
    }

    /** The channel went away: nothing more is written. */
    final void markClosed() {
        finished = true;
    }

    /** Our side of a stream is now open (true), or has ended or is being restarted (false). */
    final void streamOpen(boolean open) {
        streamOpen = open;
    }

    /** Whether a stream error could be framed now: our stream is open and no TLS handshake is under way. */
    final boolean canFrameStreamError() {
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        return streamOpen && (tls == null || tls.handshakeFuture().isDone());
    }

    /** Frames one piece of output for the wire; called on the event loop. */
    abstract Object encode(String text);

    /** Writes the closing sequence of the framing and closes the channel once it is flushed (event loop). */
    abstract void writeClosing(Optional<StreamError> error);

    /**
     * Writes text in order, unless the stream is finished, or there is no room for it: then the text is dropped
     * and the session ended as a slow reader's ({@link LimitExceeded.Limit#SLOW_READER}).
     */
    final void write(String text) {
        if (finished || overflowed) {
            return;
        }
        long bytes = ByteBufUtil.utf8Bytes(text);
        if (!outbound.reserve(bytes)) {
            overflow(bytes);
            return;
        }
        submit(() -> {
            try {
                if (!finished && channel.isActive()) {
                    // A failed write (peer gone) needs no handling here: channelInactive ends the session.
                    channel.writeAndFlush(encode(text));
                }
            } finally {
                outbound.handedOver(bytes);
            }
        });
    }

    private void overflow(long bytes) {
        overflowed = true;
        LOG.info("{}: {} bytes unsent or queued, {} more would pass the limit of {}; ending the stream", label,
                outbound.unsent(), bytes, outbound.max());
        submit(() -> channel.pipeline().fireUserEventTriggered(new LimitExceeded(LimitExceeded.Limit.SLOW_READER,
                "more than " + outbound.max() + " bytes waiting to be read")));
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
