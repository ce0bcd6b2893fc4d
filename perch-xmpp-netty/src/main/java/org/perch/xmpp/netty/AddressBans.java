package org.perch.xmpp.netty;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offences of each remote address and the bans they earned ({@link AbuseBan}). Entries expire with their
 * window; the table holds at most {@value #MAX_TRACKED} addresses, so that offences from an address range cannot
 * grow it without bound: when it is full of live entries, new addresses are not tracked (they are still limited
 * by every other limit). Safe from any thread.
 */
final class AddressBans {
    private static final Logger LOG = LoggerFactory.getLogger(AddressBans.class);
    static final int MAX_TRACKED = 100_000;

    private final AbuseBan policy;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<InetAddress, Offences> byAddress = new ConcurrentHashMap<>();
    private final TransportStats stats;

    /** Offences in the window that began at {@code since}; banned until {@code bannedUntil} if that is later. */
    private record Offences(int count, long since, long bannedUntil) {
    }

    AddressBans(AbuseBan policy, LongSupplier nanoClock, TransportStats stats) {
        this.policy = policy;
        this.nanoClock = nanoClock;
        this.stats = stats;
    }

    /** Whether a new connection from the address is to be refused; counts it if so. */
    boolean refuses(InetAddress address) {
        if (!policy.enabled()) {
            return false;
        }
        Offences o = byAddress.get(address);
        if (o == null || o.bannedUntil - nanoClock.getAsLong() <= 0) {
            return false;
        }
        stats.refusedBanned();
        return true;
    }

    /** A connection from the address was ended for abuse. */
    void offence(InetAddress address, String why) {
        if (!policy.enabled()) {
            return;
        }
        long now = nanoClock.getAsLong();
        long window = policy.duration().toNanos();
        if (!byAddress.containsKey(address) && byAddress.size() >= MAX_TRACKED) {
            byAddress.values().removeIf(o -> expired(o, now, window));
            if (byAddress.size() >= MAX_TRACKED) {
                return;
            }
        }
        Offences after = byAddress.compute(address, (a, o) -> {
            Offences current = o == null || expired(o, now, window) ? new Offences(0, now, 0) : o;
            int count = current.count + 1;
            boolean ban = count >= policy.offences();
            return new Offences(count, current.since, ban ? now + window : current.bannedUntil);
        });
        if (after.count == policy.offences()) {
            stats.addressBanned();
            LOG.warn("refusing connections from {} for {} s: {} connections ended for abuse within {} s, the last"
                    + " for {}", address.getHostAddress(), policy.duration().toSeconds(), after.count,
                    policy.duration().toSeconds(), why);
        }
    }

    /** A window with no ban running that began longer ago than the window, or a ban that has ended. */
    private static boolean expired(Offences o, long now, long window) {
        return now - o.since > window && o.bannedUntil - now <= 0;
    }
}
