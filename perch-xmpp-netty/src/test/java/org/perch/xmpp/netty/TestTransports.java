package org.perch.xmpp.netty;

import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.perch.xmpp.session.StreamHandlerFactory;
import org.perch.xmpp.stream.StreamLimits;

/** Loopback configurations on random ports for tests. */
final class TestTransports {
    static final StreamLimits LIMITS = new StreamLimits(4096, 16, 16);

    private TestTransports() {
    }

    static TransportConfig config() {
        return new TransportConfig("127.0.0.1", 0, 0, "127.0.0.1", 0, true, "example.test", LIMITS,
                ConnectionLimits.DEFAULT.withMaxConnectionsPerAddress(10));
    }

    static TransportConfig withIdleTimeout(Duration idle) {
        TransportConfig c = config();
        return c.withConnections(c.connections().withIdleTimeout(idle));
    }

    static TransportConfig withMaxConnections(int max) {
        TransportConfig c = config();
        return c.withConnections(c.connections().withMaxConnectionsPerAddress(max));
    }

    static TransportConfig with(ConnectionLimits limits) {
        return config().withConnections(limits);
    }

    /** What the initializers would share, for handlers tested in an {@code EmbeddedChannel}. */
    static TransportContext context(StreamHandlerFactory handlers) {
        TransportConfig config = config();
        TransportStats stats = new TransportStats();
        return new TransportContext(config, TlsSetup.of(TestCertificates.identity()), handlers,
                new ConnectionLimiter(config.connections().maxConnectionsPerAddress(),
                        new AddressBans(config.connections().abuseBan(), System::nanoTime, stats)),
                new DefaultChannelGroup(GlobalEventExecutor.INSTANCE), new AtomicLong(), stats);
    }

    static XmppTransport start(TransportConfig config, RecordingFactory factory) {
        return XmppTransport.start(config, TestCertificates.identity(), factory);
    }
}
