package org.perch.xmpp.netty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the connection limits have done since the server started: how many connections each limit closed, how many
 * stanzas the rate made wait, and the largest backlogs any one connection reached in each direction, which the
 * limits bound. Outlives a transport (a pool server closes and reopens its listeners); safe from any thread.
 */
public final class TransportStats {
    private final LongAdder heldStanzas = new LongAdder();
    private final LongAdder closedFlooding = new LongAdder();
    private final LongAdder closedSlowReaders = new LongAdder();
    private final LongAdder closedNegotiationTimeouts = new LongAdder();
    private final LongAdder chargedStanzas = new LongAdder();
    private final LongAdder addressesBanned = new LongAdder();
    private final LongAdder refusedBanned = new LongAdder();
    private final AtomicLong peakHeldStanzas = new AtomicLong();
    private final AtomicLong peakOutboundBytes = new AtomicLong();

    /**
     * The counters, and what is open now.
     *
     * @param openConnections client connections open now (0 while the listeners are closed)
     * @param outboundBytes output written to those connections and not yet sent, now
     * @param heldStanzas stanzas that waited for the stanza rate before they were read on
     * @param peakHeldStanzas the most stanzas one connection ever had waiting for the rate at once
     * @param peakOutboundBytes the most unsent output one connection ever had at once (at most
     *        {@code limits.max-outbound-bytes}, plus TLS record and WebSocket frame overhead)
     * @param closedFlooding connections closed for staying over the stanza rate ({@code policy-violation})
     * @param closedSlowReaders connections closed for not reading their output ({@code policy-violation})
     * @param closedNegotiationTimeouts connections closed for not binding a session in time
     * @param chargedStanzas stanzas' worth charged to connections' rates for bulk answers (archive pages, history)
     * @param addressesBanned bans begun on addresses for abuse ({@code limits.ban-after-offences})
     * @param refusedBanned connections refused because their address was banned
     */
    public record Snapshot(long openConnections, long outboundBytes, long heldStanzas, long peakHeldStanzas,
                           long peakOutboundBytes, long closedFlooding, long closedSlowReaders,
                           long closedNegotiationTimeouts, long chargedStanzas, long addressesBanned,
                           long refusedBanned) {

        /** The figures by their names here, in this order (the admin API's {@code /api/v1/connections}). */
        public Map<String, Long> byName() {
            Map<String, Long> figures = new LinkedHashMap<>();
            figures.put("openConnections", openConnections);
            figures.put("outboundBytes", outboundBytes);
            figures.put("heldStanzas", heldStanzas);
            figures.put("peakHeldStanzas", peakHeldStanzas);
            figures.put("peakOutboundBytes", peakOutboundBytes);
            figures.put("closedFlooding", closedFlooding);
            figures.put("closedSlowReaders", closedSlowReaders);
            figures.put("closedNegotiationTimeouts", closedNegotiationTimeouts);
            figures.put("chargedStanzas", chargedStanzas);
            figures.put("addressesBanned", addressesBanned);
            figures.put("refusedBanned", refusedBanned);
            return figures;
        }
    }

    /** The counters with the given figures of what is open now. */
    public Snapshot snapshot(long openConnections, long outboundBytes) {
        return new Snapshot(openConnections, outboundBytes, heldStanzas.sum(), peakHeldStanzas.get(),
                peakOutboundBytes.get(), closedFlooding.sum(), closedSlowReaders.sum(),
                closedNegotiationTimeouts.sum(), chargedStanzas.sum(), addressesBanned.sum(), refusedBanned.sum());
    }

    void stanzaHeld(int nowHeld) {
        heldStanzas.increment();
        peakHeldStanzas.accumulateAndGet(nowHeld, Math::max);
    }

    void stanzasCharged(int stanzas) {
        chargedStanzas.add(stanzas);
    }

    void addressBanned() {
        addressesBanned.increment();
    }

    void refusedBanned() {
        refusedBanned.increment();
    }

    void outboundPending(long bytes) {
        if (bytes > peakOutboundBytes.get()) {
            peakOutboundBytes.accumulateAndGet(bytes, Math::max);
        }
    }

    void closed(LimitExceeded.Limit limit) {
        switch (limit) {
            case STANZA_RATE -> closedFlooding.increment();
            case SLOW_READER -> closedSlowReaders.increment();
            case NEGOTIATION_TIMEOUT -> closedNegotiationTimeouts.increment();
        }
    }
}
