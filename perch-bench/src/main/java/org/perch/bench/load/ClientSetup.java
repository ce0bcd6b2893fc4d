package org.perch.bench.load;

import io.netty.channel.group.ChannelGroup;
import io.netty.handler.ssl.SslContext;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every session of one {@link ClientEngine} shares: the target, the TLS context, the SASL mechanism, whether
 * sessions register their accounts first (XEP-0077), the probe they report to, the group of sessions that have
 * logged in, and whether the engine is stopping (a connection that closes then is no error).
 */
record ClientSetup(Target target, SslContext tls, String mechanism, boolean register, LoadProbe probe,
                   ChannelGroup established, AtomicBoolean stopping) {
}
