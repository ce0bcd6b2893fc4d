package org.perch.xmpp.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a new connection a fixed time to get a bound session: TLS, SASL and resource binding (or a XEP-0198
 * resumption), or on the HTTP port the WebSocket upgrade and all of that. The idle timeout cannot catch a client
 * that trickles a byte now and then; this can. The session removes the handler when it is bound
 * ({@link ChannelConnection#negotiated()}); if the time runs out first, {@link LimitExceeded} goes to the
 * {@link SessionBridge}.
 */
final class NegotiationDeadline extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(NegotiationDeadline.class);

    private final Duration timeout;
    private ScheduledFuture<?> timer;

    NegotiationDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> expire(ctx), timeout.toNanos(), TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        LOG.info("{}: no session bound within {} s; closing", ctx.channel().remoteAddress(), timeout.toSeconds());
        ctx.fireUserEventTriggered(new LimitExceeded(LimitExceeded.Limit.NEGOTIATION_TIMEOUT,
                "stream negotiation not completed within " + timeout.toSeconds() + " s"));
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
