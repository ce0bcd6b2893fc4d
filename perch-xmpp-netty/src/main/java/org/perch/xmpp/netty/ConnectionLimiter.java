package org.perch.xmpp.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the connections one remote address holds open at once, across all listeners of a transport, and refuses
 * addresses banned for abuse ({@link AddressBans}). A connection over the cap, or from a banned address, is closed before anything is written and before a session exists: no stream header has been seen
 * yet, so no XMPP stream error could be framed properly, and a silent close costs the server nothing.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimiter.class);
    private static final AttributeKey<InetAddress> COUNTED = AttributeKey.valueOf("perch.limiter.counted");

    private final int maxPerAddress;
    private final AddressBans bans;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    ConnectionLimiter(int maxPerAddress, AddressBans bans) {
        this.maxPerAddress = maxPerAddress;
        this.bans = bans;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetAddress address = addressOf(ctx.channel().remoteAddress());
        if (address == null) {
            ctx.fireChannelActive();
            return;
        }
        if (bans.refuses(address)) {
            LOG.debug("refusing connection from {}: banned for abuse", address.getHostAddress());
            ctx.close();
            return;
        }
        boolean[] admitted = {false};
        open.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            if (count >= maxPerAddress) {
                return n;
            }
            admitted[0] = true;
            return count + 1;
        });
        if (!admitted[0]) {
            LOG.info("refusing connection from {}: already {} open (limit)", address.getHostAddress(), maxPerAddress);
            ctx.close();
            return;
        }
        ctx.channel().attr(COUNTED).set(address);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        InetAddress address = ctx.channel().attr(COUNTED).getAndSet(null);
        if (address != null) {
            open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
        ctx.fireChannelInactive();
    }

    /** A connection from the address was ended for abuse: counts towards a ban. */
    void offence(SocketAddress remote, String why) {
        InetAddress address = addressOf(remote);
        if (address != null) {
            bans.offence(address, why);
        }
    }

    AddressBans bans() {
        return bans;
    }

    /** Connections currently counted for the address (for tests and metrics). */
    int openConnections(InetAddress address) {
        return open.getOrDefault(address, 0);
    }

    private static InetAddress addressOf(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
