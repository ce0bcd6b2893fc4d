package org.perch.xmpp.stream;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a {@code see-other-host} stream error sends a client (RFC 6120 §4.9.3.19): another server of the same
 * service, named by a DNS name or an IP address, and its client port.
 *
 * @param host a DNS name, an IPv4 address, or an IPv6 address (bare or in brackets)
 * @param port the client port, 1 to 65535
 */
public record OtherHost(String host, int port) {

    /** The XMPP client port (RFC 6120 §3.2.1), left out of the error's character data. */
    public static final int DEFAULT_PORT = 5222;
    /** Bare or bracketed; the address itself is the topology's to check, only the colon's meaning is settled here. */
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]+]|[0-9A-Fa-f:.]+");

    public OtherHost {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not a host name or address: '" + host + "'");
        }
        if (host.indexOf(':') >= 0 && !IPV6.matcher(host).matches()) {
            throw new IllegalArgumentException("'" + host + "' has a colon but is no IPv6 address; give the port"
                    + " apart");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 1 to 65535, got " + port);
        }
    }

    /**
     * The element's character data: {@code domainpart} or {@code domainpart:port}, the port only when it is not
     * 5222, an IPv6 address in square brackets (e.g. {@code [2001:db8::1]:15222}).
     */
    public String characterData() {
        String address = host.indexOf(':') >= 0 && host.charAt(0) != '[' ? "[" + host + "]" : host;
        return port == DEFAULT_PORT ? address : address + ":" + port;
    }
}
