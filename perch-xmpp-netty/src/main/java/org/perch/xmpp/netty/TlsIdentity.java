package org.perch.xmpp.netty;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/** The server's private key and certificate chain (leaf first), used by every TLS listener. */
public record TlsIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
    public TlsIdentity {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a TLS identity needs at least one certificate");
        }
    }

    public X509Certificate leaf() {
        return chain.getFirst();
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "TlsIdentity[" + leaf().getSubjectX500Principal() + "]";
    }
}
