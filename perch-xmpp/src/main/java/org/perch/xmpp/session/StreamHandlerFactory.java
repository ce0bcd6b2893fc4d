package org.perch.xmpp.session;

/** Creates the protocol side of a new connection; the transport calls it once per accepted connection. */
@FunctionalInterface
public interface StreamHandlerFactory {
    StreamHandler create(Connection connection);
}
