package org.perch.xmpp.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Ticker;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes a connection's stanzas on no faster than its {@link StanzaRate}, as a shaper does: a stanza over the rate
 * waits here and the socket is not read ({@code autoRead} off) until every waiting stanza has gone on, so the rest
 * of a burst waits in TCP buffers, not in the server's memory, and the client is slowed, not cut off. What waits
 * here is what one socket read had already brought (at most one receive buffer of stanzas).
 *
 * <p>A connection held back without a break for longer than the rate's flood timeout (every time reading resumed,
 * more was waiting) has a backlog it will not work off: it is ended with {@code policy-violation} through the
 * {@link SessionBridge}, and nothing more is read from it. Stream headers, closes and parser failures are not
 * counted, but keep their place behind waiting stanzas.
 *
 * <p>A {@link StanzaCost} (work the session did for one stanza, worth many) is taken from the bucket on credit. While
 * the debt lasts the socket is not read, as if the client had sent those stanzas itself; this is not counted as a
 * flood, since nothing the client sent is waiting.
 */
final class StanzaRateLimiter extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(StanzaRateLimiter.class);

    private final StanzaRate rate;
    private final TransportStats stats;
    /** The event loop's clock, so that tests can move it (EmbeddedChannel); set when the handler is added. */
    private LongSupplier nanoClock;
    private TokenBucket bucket;
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private ScheduledFuture<?> release;
    /** When the current spell over the rate began (nanoTime), or -1 while under it. */
    private long overSince = -1;
    private boolean flooded;

    StanzaRateLimiter(StanzaRate rate, TransportStats stats) {
        this.rate = rate;
        this.stats = stats;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        Ticker ticker = ctx.executor().ticker();
        nanoClock = ticker::nanoTime;
        bucket = new TokenBucket(rate.perSecond(), rate.burst(), nanoClock);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (flooded) {
            ReferenceCountUtil.release(msg);
            return;
        }
        boolean stanza = msg instanceof StreamEvent.Element;
        if (waiting.isEmpty() && (!stanza || bucket.tryTake())) {
            ctx.fireChannelRead(msg);
            return;
        }
        waiting.add(msg);
        if (stanza) {
            stats.stanzaHeld(waiting.size());
        }
        ctx.channel().config().setAutoRead(false);
        if (overSince < 0) {
            overSince = nanoClock.getAsLong();
        } else if (overTooLong()) {
            flood(ctx);
            return;
        }
        if (release == null) {
            scheduleRelease(ctx);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof StanzaCost cost) {
            charge(ctx, cost.stanzas());
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    private void charge(ChannelHandlerContext ctx, int stanzas) {
        if (flooded || !ctx.channel().isActive()) {
            return;
        }
        bucket.takeOnCredit(stanzas);
        stats.stanzasCharged(stanzas);
        if (release == null && bucket.nanosUntilToken() > 0) {
            ctx.channel().config().setAutoRead(false);
            scheduleRelease(ctx);
        }
    }

    /** A read brought nothing that had to wait: the connection is under its rate again. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (waiting.isEmpty()) {
            overSince = -1;
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        forget();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        forget();
    }

    private void scheduleRelease(ChannelHandlerContext ctx) {
        long delay = Math.max(bucket.nanosUntilToken(), TimeUnit.MILLISECONDS.toNanos(1));
        release = ctx.executor().schedule(() -> release(ctx), delay, TimeUnit.NANOSECONDS);
    }

    private void release(ChannelHandlerContext ctx) {
        release = null;
        if (!ctx.channel().isActive()) {
            forget();
            return;
        }
        while (!waiting.isEmpty()) {
            if (waiting.peek() instanceof StreamEvent.Element && !bucket.tryTake()) {
                break;
            }
            ctx.fireChannelRead(waiting.poll());
        }
        if (waiting.isEmpty()) {
            ctx.channel().config().setAutoRead(true);
        } else if (overTooLong()) {
            flood(ctx);
        } else {
            scheduleRelease(ctx);
        }
    }

    private boolean overTooLong() {
        return nanoClock.getAsLong() - overSince > rate.floodTimeout().toNanos();
    }

    private void flood(ChannelHandlerContext ctx) {
        flooded = true;
        int dropped = waiting.size();
        forget();
        LOG.info("{}: over {} stanzas a second for more than {} s ({} waiting); ending the stream",
                ctx.channel().remoteAddress(), rate.perSecond(), rate.floodTimeout().toSeconds(), dropped);
        ctx.fireUserEventTriggered(new LimitExceeded(LimitExceeded.Limit.STANZA_RATE, "more than "
                + rate.perSecond() + " stanzas a second for more than " + rate.floodTimeout().toSeconds()
                + " s; slow down"));
    }

    private void forget() {
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        if (release != null) {
            release.cancel(false);
            release = null;
        }
    }
}
