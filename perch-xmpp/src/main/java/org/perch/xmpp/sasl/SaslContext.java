package org.perch.xmpp.sasl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What SASL needs to know about the connection.
 *
 * @param secure whether the stream is encrypted (TLS)
 * @param channelBindingTypes channel binding types the TLS layer can supply, e.g. {@code tls-exporter},
 *        {@code tls-server-end-point}; empty when there is no TLS or it cannot supply any
 * @param channelBindingData the binding data for a type, empty if it cannot be had
 * @param remoteAddress the client's address, for the login throttle; empty if unknown
 */
public record SaslContext(boolean secure, List<String> channelBindingTypes,
                          Function<String, Optional<byte[]>> channelBindingData, String remoteAddress) {

    public SaslContext {
        channelBindingTypes = List.copyOf(channelBindingTypes);
        Objects.requireNonNull(channelBindingData, "channelBindingData");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    /** A connection without TLS, hence without channel binding. */
    public static SaslContext insecure(String remoteAddress) {
        return new SaslContext(false, List.of(), type -> Optional.empty(), remoteAddress);
    }
}
