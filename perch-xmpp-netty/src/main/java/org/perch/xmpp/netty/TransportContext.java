package org.perch.xmpp.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.perch.xmpp.session.StreamHandlerFactory;

/**
 * What every initializer shares: configuration, TLS, the per-address limiter, the open channels and the limits'
 * counters.
 */
record TransportContext(TransportConfig config, TlsSetup tls, StreamHandlerFactory handlers,
                        ConnectionLimiter limiter, ChannelGroup channels, AtomicLong ids, TransportStats stats) {

    /**
     * Flushes are consolidated during reads and also for writes from other threads (room fan-out). Above TLS,
     * so one consolidated flush becomes one wrap of all pending plaintext.
     */
    private static final int FLUSHES_BEFORE_FORCED_FLUSH = 256;

    IdleStateHandler newIdleHandler() {
        return new IdleStateHandler(config.connections().idleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS);
    }

    NegotiationDeadline newNegotiationDeadline() {
        return new NegotiationDeadline(config.connections().negotiationTimeout());
    }

    WritabilityGuard newWritabilityGuard() {
        return new WritabilityGuard(config.connections().slowReaderTimeout());
    }

    FlushConsolidationHandler newFlushConsolidation() {
        return new FlushConsolidationHandler(FLUSHES_BEFORE_FORCED_FLUSH, true);
    }

    /** The stanza rate limiter, or a handler that passes everything on when the rate is off. */
    ChannelHandler newRateLimiter() {
        StanzaRate rate = config.connections().stanzaRate();
        return rate.enabled() ? new StanzaRateLimiter(rate, stats) : PassThrough.INSTANCE;
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    /** Holds a pipeline position whose limit is switched off, so that the pipeline has the same names. */
    @ChannelHandler.Sharable
    static final class PassThrough extends ChannelInboundHandlerAdapter {
        static final PassThrough INSTANCE = new PassThrough();
    }
}
