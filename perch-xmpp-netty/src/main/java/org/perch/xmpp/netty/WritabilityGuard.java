package org.perch.xmpp.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the session of a peer that leaves its connection unwritable (unsent output above the high water mark) for
 * longer than the slow-reader timeout: a slow reader is dropped rather than buffered without bound (ARCHITECTURE
 * D3). {@link ChannelConnection} bounds the same output by size at every write.
 */
final class WritabilityGuard extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(WritabilityGuard.class);

    private final long limitNanos;
    private ScheduledFuture<?> timer;

    WritabilityGuard(Duration limit) {
        this.limitNanos = limit.toNanos();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            cancel();
        } else if (timer == null) {
            timer = ctx.executor().schedule(() -> expire(ctx), limitNanos, TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        if (ctx.channel().isActive() && !ctx.channel().isWritable()) {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(limitNanos);
            LOG.info("{}: peer did not read for {} s, {} bytes unsent; ending the stream",
                    ctx.channel().remoteAddress(), seconds, OutboundBudget.pendingBytes(ctx.channel()));
            ctx.fireUserEventTriggered(new LimitExceeded(LimitExceeded.Limit.SLOW_READER,
                    "what was sent has not been read for " + seconds + " s"));
        }
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
