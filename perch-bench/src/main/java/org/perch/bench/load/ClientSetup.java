package org.perch.bench.load;

import io.netty.channel.group.ChannelGroup;
import io.netty.handler.ssl.SslContext;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every session of one {@link ClientEngine} shares: the target, the TLS context, the SASL mechanism, the probe
 * it reports to, the group of sessions that have logged in, and whether the engine is stopping (a connection that
 * closes then is no error).
 */
record ClientSetup(Target target, SslContext tls, String mechanism, LoadProbe probe, ChannelGroup established,
                   AtomicBoolean stopping) {
}
