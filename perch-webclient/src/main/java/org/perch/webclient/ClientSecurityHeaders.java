package org.perch.webclient;

import java.util.Map;

/**
 * The headers on every answer of the web client, as strict as Converse.js allows (checked in headless Chromium by
 * WebClientIT, which fails on any report of this policy). Scripts come from this origin only and never inline or
 * through eval; connections (the WebSocket, the settings) go to this origin only; no other site may frame the page.
 * Images may also be {@code data:} and {@code blob:} URLs, as Converse draws avatars and previews with them. Styles
 * may be inline: Converse's components (lit, Bootstrap's popups) set style attributes and elements, and without
 * them its layout breaks; an injected style can restyle the page but run nothing.
 */
final class ClientSecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data: blob:; font-src 'self'; media-src 'self' blob:; connect-src 'self';"
            + " manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Resource-Policy", "same-origin");

    private ClientSecurityHeaders() {
    }
}
