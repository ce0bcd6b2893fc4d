package org.perch.xmpp.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disconnects a peer that leaves its connection unwritable (outbound bytes above the high water mark) for longer
 * than the configured limit: a slow reader is dropped rather than buffered without bound (ARCHITECTURE D3).
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
            LOG.info("disconnecting {}: peer did not read for {} ms, {} bytes pending",
                    ctx.channel().remoteAddress(), TimeUnit.NANOSECONDS.toMillis(limitNanos),
                    ctx.channel().bytesBeforeWritable());
            ctx.channel().close();
        }
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
