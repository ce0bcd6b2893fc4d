package org.perch.server.config;

import java.util.Objects;

/**
 * The HTTP listener (XMPP over WebSocket, web pages). A port of 0 picks a free port; -1 disables it.
 *
 * @param bindAddress address the listener binds to
 * @param port the port
 * @param tls whether it speaks TLS (https/wss); false only behind a TLS-terminating proxy
 */
public record HttpConfig(String bindAddress, int port, boolean tls) {
    public HttpConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Ports.check("port", port);
    }

    public boolean enabled() {
        return port != Ports.DISABLED;
    }
}
