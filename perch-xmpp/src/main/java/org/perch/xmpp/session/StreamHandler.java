package org.perch.xmpp.session;

import org.perch.xmpp.stream.StreamErrorException;
import org.perch.xmpp.stream.StreamListener;

/**
 * The protocol side of one connection: the transport feeds it what its parser produced, and tells it when the
 * stream broke a rule or the socket went away. Calls come from the connection's I/O thread, in order; an
 * implementation must hand any blocking work elsewhere.
 */
public interface StreamHandler extends StreamListener {

    /** The parser or transport found a violation; the handler ends the stream with that condition. */
    void onStreamError(StreamErrorException error);

    /** The socket is closed (by either side); called exactly once. */
    void onDisconnect();
}
