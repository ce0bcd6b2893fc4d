package org.perch.webclient;

import java.util.Objects;

/**
 * What the page must know of this server, sent to it as {@code /perch-config.json} rather than built into the
 * files, so one build serves any domain.
 *
 * @param domain the XMPP domain users sign in to (Converse's {@code default_domain} and {@code locked_domain})
 * @param mucDomain the chat room service (Converse's {@code muc_domain})
 * @param registration whether in-band registration is open, so the page offers to create an account
 * @param websocketPath the path of XMPP over WebSocket on the same origin
 */
public record WebClientSettings(String domain, String mucDomain, boolean registration, String websocketPath) {

    public WebClientSettings {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(mucDomain, "mucDomain");
        Objects.requireNonNull(websocketPath, "websocketPath");
        if (!websocketPath.startsWith("/")) {
            throw new IllegalArgumentException("websocketPath must start with /, got " + websocketPath);
        }
    }
}
