package org.perch.xmpp.netty;

import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import org.perch.xmpp.xml.XmlWriter;

/**
 * The XEP-0156 host-meta documents that let browser clients discover the WebSocket endpoint. The URL is always
 * {@code wss}: a plain HTTP listener is only allowed behind a TLS-terminating proxy.
 */
final class HostMeta {
    static final String WEBSOCKET_PATH = "/xmpp-websocket";
    static final String REL = "urn:xmpp:alt-connections:websocket";
    /** A DNS name or bracketed IPv6 literal with an optional port; anything else is not echoed back. */
    private static final Pattern SANE_HOST = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]{2,45}])(?::\\d{1,5})?");

    private final String domain;
    private final IntSupplier tlsPort;

    /**
     * @param tlsPort the port wss clients reach when the request has no usable Host header; 0 means the
     *        default port (443), as behind a TLS-terminating proxy
     */
    HostMeta(String domain, IntSupplier tlsPort) {
        this.domain = domain;
        this.tlsPort = tlsPort;
    }

    /** The WebSocket URL for a request carrying this Host header (or none). */
    String url(Optional<String> hostHeader) {
        String authority = hostHeader.map(String::trim).filter(h -> SANE_HOST.matcher(h).matches())
                .orElseGet(this::fallbackAuthority);
        return "wss://" + authority + WEBSOCKET_PATH;
    }

    String xml(Optional<String> hostHeader) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("<?xml version='1.0' encoding='utf-8'?>\n")
                .append("<XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'>\n")
                .append("  <Link rel=\"").append(REL).append("\" href=\"");
        XmlWriter.escape(url(hostHeader), sb, true);
        return sb.append("\"/>\n</XRD>\n").toString();
    }

    String json(Optional<String> hostHeader) {
        return "{\"links\":[{\"rel\":\"" + REL + "\",\"href\":\"" + jsonEscape(url(hostHeader)) + "\"}]}";
    }

    private String fallbackAuthority() {
        int port = tlsPort.getAsInt();
        return port == 0 || port == 443 ? domain : domain + ":" + port;
    }

    private static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
