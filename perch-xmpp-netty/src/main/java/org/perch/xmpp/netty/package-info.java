/**
 * The Netty transport of XMPP client streams: the c2s (STARTTLS), direct TLS (XEP-0368) and HTTP listeners
 * (host-meta, XEP-0156; XMPP over WebSocket, RFC 7395), their pipelines, TLS and channel binding, per-address
 * connection limits, idle timeouts and outbound backpressure. Start at {@link org.perch.xmpp.netty.XmppTransport};
 * each listener's whole pipeline is listed in one initializer ({@code TcpInitializer} for both TCP ports,
 * {@code HttpInitializer}). Parsed stream events reach the protocol layer through the {@code SessionBridge} and
 * the {@link org.perch.xmpp.session} SPI; this package knows nothing of stanzas beyond framing them.
 */
package org.perch.xmpp.netty;
