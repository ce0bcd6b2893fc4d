/**
 * Client sessions without sockets: the transport SPI ({@link org.perch.xmpp.session.Connection}), stream
 * negotiation (STARTTLS, SASL, bind, XEP-0198), the session registry and the stanza router.
 */
package org.perch.xmpp.session;
