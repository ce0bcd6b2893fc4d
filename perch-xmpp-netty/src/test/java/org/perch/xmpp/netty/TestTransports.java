package org.perch.xmpp.netty;

import java.time.Duration;
import org.perch.xmpp.stream.StreamLimits;

/** Loopback configurations on random ports for tests. */
final class TestTransports {
    static final StreamLimits LIMITS = new StreamLimits(4096, 16, 16);

    private TestTransports() {
    }

    static TransportConfig config() {
        return new TransportConfig("127.0.0.1", 0, 0, "127.0.0.1", 0, true, "example.test", LIMITS, 10,
                Duration.ofSeconds(30));
    }

    static TransportConfig withIdleTimeout(Duration idle) {
        TransportConfig c = config();
        return new TransportConfig(c.bindAddress(), 0, 0, c.httpBindAddress(), 0, true, c.domain(), c.limits(),
                c.maxConnectionsPerAddress(), idle);
    }

    static TransportConfig withMaxConnections(int max) {
        TransportConfig c = config();
        return new TransportConfig(c.bindAddress(), 0, 0, c.httpBindAddress(), 0, true, c.domain(), c.limits(),
                max, c.idleTimeout());
    }

    static XmppTransport start(TransportConfig config, RecordingFactory factory) {
        return XmppTransport.start(config, TestCertificates.identity(), factory);
    }
}
