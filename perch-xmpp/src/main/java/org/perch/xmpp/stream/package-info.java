/**
 * XML stream framing of a client connection, in both bindings: the TCP stream document of RFC 6120 §4 and the
 * one-element-per-frame WebSocket subprotocol of RFC 7395. {@link org.perch.xmpp.stream.XmlStreamParser} and
 * {@link org.perch.xmpp.stream.WebSocketFrameParser} turn received bytes into stream events for a
 * {@link org.perch.xmpp.stream.StreamListener}, without blocking and without DTDs or entity expansion, enforcing
 * the {@link org.perch.xmpp.stream.StreamLimits} and reporting broken rules as
 * {@link org.perch.xmpp.stream.StreamErrorException}s; {@link org.perch.xmpp.stream.StreamWriter} renders what the
 * server sends. No transport code lives here: the Netty layer feeds the parsers and writes the strings.
 */
package org.perch.xmpp.stream;
