package org.perch.xmpp.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps one connection's unsent output under {@link ConnectionLimits#maxOutboundBytes()}: what writers on any thread
 * have submitted and the event loop has not yet handed to the channel, plus what the channel has not yet sent (TLS
 * records and WebSocket frames included, so the framing added below the cap is counted once it is there). Records
 * the largest amount it has seen in the {@link TransportStats}.
 */
final class OutboundBudget {
    private final Channel channel;
    private final long max;
    private final TransportStats stats;
    /** Bytes submitted and not yet handed to the channel. */
    private final AtomicLong queued = new AtomicLong();

    OutboundBudget(Channel channel, long max, TransportStats stats) {
        this.channel = channel;
        this.max = max;
        this.stats = stats;
    }

    /** Counts the bytes as queued if they fit under the cap with everything queued or unsent; any thread. */
    boolean reserve(long bytes) {
        long unsent = pendingBytes(channel);
        while (true) {
            long queuedNow = queued.get();
            long total = unsent + queuedNow + bytes;
            if (total > max) {
                return false;
            }
            if (queued.compareAndSet(queuedNow, queuedNow + bytes)) {
                stats.outboundPending(total);
                return true;
            }
        }
    }

    /**
     * The bytes have been written to the channel (or dropped): they are no longer queued. Called after the write, so
     * that a concurrent {@link #reserve} always finds them in one count or the other.
     */
    void handedOver(long bytes) {
        queued.addAndGet(-bytes);
        stats.outboundPending(unsent());
    }

    /** What is queued or unsent now. */
    long unsent() {
        return pendingBytes(channel) + queued.get();
    }

    long max() {
        return max;
    }

    /** Bytes the channel has been given and not yet sent. */
    static long pendingBytes(Channel channel) {
        // The outbound buffer's counter is volatile and safe to read from any thread; it is null once closed.
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }
}
