/**
 * Server-side SASL (RFC 6120 §6, RFC 4422) without sockets or XML: {@link org.perch.xmpp.sasl.SaslMechanisms}
 * says which mechanisms to offer and starts a {@link org.perch.xmpp.sasl.SaslExchange}, which turns each client
 * response (already base64-decoded) into a {@link org.perch.xmpp.sasl.SaslStep}: a challenge, success or a
 * failure condition. Mechanisms: SCRAM-SHA-256 and SCRAM-SHA-1 (RFC 5802, RFC 7677), each also with -PLUS
 * channel binding, and PLAIN (RFC 4616) on encrypted connections only. Failed attempts are counted by the
 * domain's {@link org.perch.domain.account.LoginThrottle}. The caller owns the XML ({@code <auth/>},
 * {@code <challenge/>}, ...) and the threading: an exchange looks accounts up in the store, so step it off the
 * event loop.
 */
package org.perch.xmpp.sasl;
