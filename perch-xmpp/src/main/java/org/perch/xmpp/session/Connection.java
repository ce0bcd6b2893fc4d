package org.perch.xmpp.session;

import java.util.Objects;
import java.util.Optional;
import org.perch.xmpp.stream.OtherHost;
import org.perch.xmpp.stream.StreamErrorCondition;
import org.perch.xmpp.stream.StreamHeader;
import org.perch.xmpp.stream.StreamWriter;
import org.perch.xmpp.xml.XmlElement;

/**
 * What a session needs from its transport: one client connection, TCP or WebSocket. Implementations own the
 * framing (a {@code <stream:stream>} document on TCP, one element per frame on WebSocket, RFC 7395) and the
 * socket. Every method may be called from any thread; writes keep the order in which they were made.
 */
public interface Connection {

    /** Writes the server's stream header ({@code <stream:stream ...>} or {@code <open/>}). */
    void openStream(StreamHeader header);

    /**
     * Writes one top-level element: a stanza, or a stream-level element such as {@code <stream:features/>}.
     * Elements in the streams namespace are written with the {@code stream:} prefix the framing needs.
     */
    void send(XmlElement element);

    /**
     * Ends the stream: writes the stream error if one is given, then the closing tag ({@code </stream:stream>}
     * or {@code <close/>}), flushes, and closes the socket. Safe to call more than once.
     */
    void close(Optional<StreamError> error);

    /** True once the connection is encrypted (direct TLS, STARTTLS done, or wss). */
    boolean isSecure();

    /** True if STARTTLS may be offered: plain TCP, not yet encrypted, with a certificate configured. */
    boolean canStartTls();

    /**
     * Writes {@code <proceed/>} unencrypted, then starts TLS as the server and resets the parser for the new
     * stream. Only valid when {@link #canStartTls()}.
     */
    void startTls();

    /** Resets the parser for a stream restart (after SASL success, RFC 6120 §6.4.6). No-op on WebSocket. */
    void restartStream();

    /**
     * The session is bound (or resumed): negotiation is over, so the transport's limit on how long it may take no
     * longer applies.
     */
    void negotiated();

    /**
     * The session did work for the client worth {@code stanzas} stanzas on top of the one that asked for it (an
     * archive page of many messages, say). The transport counts it against the connection's stanza rate, so the
     * client's next stanzas wait until it is paid off: a client cannot make the server read and send its whole
     * archive faster than the rate lets it send stanzas. A transport without a rate ignores it.
     */
    void charge(int stanzas);

    /**
     * Channel-binding types this connection can compute, most preferred first (e.g. {@code tls-exporter},
     * {@code tls-server-end-point}); empty when the connection is not encrypted. Advertised per XEP-0440.
     */
    java.util.List<String> channelBindingTypes();

    /** Channel-binding data of the given type for SCRAM-PLUS (RFC 5929, RFC 9266), if this connection has it. */
    Optional<byte[]> channelBinding(String type);

    /** The peer's IP address, for throttling and logs. */
    String remoteAddress();

    /** A short label for logs, e.g. {@code c2s#12 127.0.0.1}. */
    String label();

    /**
     * A stream error to send before closing.
     *
     * @param otherHost where the client is to connect instead: present for {@code see-other-host} only
     */
    record StreamError(StreamErrorCondition condition, String text, Optional<OtherHost> otherHost) {
        public StreamError {
            Objects.requireNonNull(condition, "condition");
            text = text == null ? "" : text;
            Objects.requireNonNull(otherHost, "otherHost");
            if (otherHost.isPresent() != (condition == StreamErrorCondition.SEE_OTHER_HOST)) {
                throw new IllegalArgumentException("only see-other-host names another host, and it must");
            }
        }

        /** Any condition but {@code see-other-host}. */
        public StreamError(StreamErrorCondition condition, String text) {
            this(condition, text, Optional.empty());
        }

        /** {@code see-other-host} (RFC 6120 §4.9.3.19): the client is to reconnect to {@code host}. */
        public static StreamError seeOtherHost(OtherHost host, String text) {
            return new StreamError(StreamErrorCondition.SEE_OTHER_HOST, text, Optional.of(host));
        }

        /** The {@code <stream:error>} element. */
        public XmlElement element() {
            return otherHost.map(host -> StreamWriter.seeOtherHost(host, text))
                    .orElseGet(() -> StreamWriter.streamError(condition, text));
        }
    }
}
