package org.perch.server.config;

import java.nio.file.Path;
import java.util.Objects;

/** Where the server's TLS certificate and key come from. */
public sealed interface TlsConfig {

    /** No files configured: a self-signed certificate is generated once in {@code <data-dir>/tls/} and reused. */
    record SelfSigned() implements TlsConfig {
    }

    /**
     * Operator-supplied PEM files.
     *
     * @param certificate certificate chain, leaf first
     * @param privateKey the leaf's private key (PKCS#8, PKCS#1 or SEC1 EC), unencrypted
     */
    record Files(Path certificate, Path privateKey) implements TlsConfig {
        public Files {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }
}
