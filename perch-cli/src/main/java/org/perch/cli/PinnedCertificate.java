package org.perch.cli;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts one certificate, the server's own, read from its configuration, and nothing else. That is stronger than
 * a CA and a host name, and it is what lets {@code perch} reach the admin API (and, for {@code perch test
 * message}, the XMPP port) on 127.0.0.1 while the certificate names the XMPP domain: as an
 * {@link X509ExtendedTrustManager}, this is where JSSE would check the host name, and the pinned certificate makes
 * that check moot.
 */
final class PinnedCertificate extends X509ExtendedTrustManager {

    private final X509Certificate pinned;
    /** Who presents the certificate, for the refusal: the admin API, or the XMPP server. */
    private final String presenter;

    PinnedCertificate(X509Certificate pinned) {
        this(pinned, "the admin API");
    }

    PinnedCertificate(X509Certificate pinned, String presenter) {
        this.pinned = pinned;
        this.presenter = presenter;
    }

    static SSLContext sslContext(X509Certificate pinned) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new PinnedCertificate(pinned)}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0 || !chain[0].equals(pinned)) {
            throw new CertificateException(presenter + " presented a certificate other than the server's own"
                    + " (is another program listening on its port?)");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client trust manager only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("a client trust manager only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a client trust manager only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
