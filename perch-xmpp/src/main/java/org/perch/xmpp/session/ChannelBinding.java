package org.perch.xmpp.session;

import java.util.Objects;

/**
 * Channel-binding data of an encrypted connection: the type name as used in SCRAM's gs2 header and XEP-0440
 * (e.g. {@code tls-server-end-point}, {@code tls-exporter}) and the bytes both ends compute.
 */
public record ChannelBinding(String type, byte[] data) {
    public ChannelBinding {
        Objects.requireNonNull(type, "type");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
