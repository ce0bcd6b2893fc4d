package org.perch.xmpp.netty;

import io.netty.channel.group.ChannelGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.perch.xmpp.session.StreamHandlerFactory;

/** What every initializer shares: configuration, TLS, the per-address limiter and the open channels. */
record TransportContext(TransportConfig config, TlsSetup tls, StreamHandlerFactory handlers,
                        ConnectionLimiter limiter, ChannelGroup channels, AtomicLong ids) {

    /**
     * Flushes are consolidated during reads and also for writes from other threads (room fan-out). Above TLS,
     * so one consolidated flush becomes one wrap of all pending plaintext.
     */
    private static final int FLUSHES_BEFORE_FORCED_FLUSH = 256;

    IdleStateHandler newIdleHandler() {
        return new IdleStateHandler(config.idleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS);
    }

    WritabilityGuard newWritabilityGuard() {
        return new WritabilityGuard(config.unwritableTimeout());
    }

    FlushConsolidationHandler newFlushConsolidation() {
        return new FlushConsolidationHandler(FLUSHES_BEFORE_FORCED_FLUSH, true);
    }

    long nextId() {
        return ids.incrementAndGet();
    }
}
