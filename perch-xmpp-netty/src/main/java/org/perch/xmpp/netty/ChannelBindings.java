package org.perch.xmpp.netty;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.AlgorithmParameters;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

/**
 * Channel-binding data for SCRAM-PLUS: {@code tls-server-end-point} (RFC 5929 §4) from the server's certificate,
 * and {@code tls-exporter} (RFC 9266) from the TLS 1.3 exporter when the running JDK provides one.
 */
final class ChannelBindings {
    static final String TLS_EXPORTER = "tls-exporter";
    static final String TLS_SERVER_END_POINT = "tls-server-end-point";
    private static final String EXPORTER_LABEL = "EXPORTER-Channel-Binding";
    private static final int EXPORTER_LENGTH = 32;
    /** {@code ExtendedSSLSession#exportKeyingMaterialData}, JDK 25+; we compile for 21, so it is looked up. */
    private static final MethodHandle EXPORT = findExporter();

    private ChannelBindings() {
    }

    /** Binding types for an established session, most preferred first. */
    static List<String> types(SSLEngine engine, Optional<byte[]> endPoint) {
        List<String> types = new ArrayList<>(2);
        if (EXPORT != null && "TLSv1.3".equals(engine.getSession().getProtocol())) {
            types.add(TLS_EXPORTER);
        }
        if (endPoint.isPresent()) {
            types.add(TLS_SERVER_END_POINT);
        }
        return List.copyOf(types);
    }

    static Optional<byte[]> exporter(SSLEngine engine) {
        SSLSession session = engine.getSession();
        if (EXPORT == null || !"TLSv1.3".equals(session.getProtocol())
                || !(session instanceof ExtendedSSLSession extended)) {
            return Optional.empty();
        }
        try {
            return Optional.of((byte[]) EXPORT.invokeExact(extended, EXPORTER_LABEL, new byte[0], EXPORTER_LENGTH));
        } catch (Throwable e) {
            // Not exportable here (e.g. handshake not finished): the binding is simply not offered.
            return Optional.empty();
        }
    }

    /**
     * RFC 5929 §4.1: the hash of the certificate's DER encoding, with the hash function of its signature
     * algorithm, MD5 and SHA-1 replaced by SHA-256. Undefined (empty) when the algorithm uses no single hash,
     * e.g. Ed25519.
     */
    static Optional<byte[]> serverEndPoint(X509Certificate certificate) {
        Optional<String> hash = hashOf(certificate);
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MessageDigest.getInstance(hash.get()).digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return Optional.empty();
        }
    }

    static Optional<String> hashOf(X509Certificate certificate) {
        String algorithm = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
        if (algorithm.equals("RSASSA-PSS")) {
            return pssHash(certificate.getSigAlgParams());
        }
        int with = algorithm.indexOf("WITH");
        if (with <= 0) {
            return Optional.empty();
        }
        return normalise(algorithm.substring(0, with));
    }

    private static Optional<String> pssHash(byte[] encodedParams) {
        if (encodedParams == null) {
            return Optional.empty();
        }
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("RSASSA-PSS");
            params.init(encodedParams);
            return normalise(params.getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm()
                    .toUpperCase(Locale.ROOT));
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> normalise(String hash) {
        String h = hash.replace("-", "");
        return switch (h) {
            case "MD5", "SHA1", "SHA256" -> Optional.of("SHA-256");
            case "SHA224" -> Optional.of("SHA-224");
            case "SHA384" -> Optional.of("SHA-384");
            case "SHA512" -> Optional.of("SHA-512");
            case "SHA3256" -> Optional.of("SHA3-256");
            case "SHA3384" -> Optional.of("SHA3-384");
            case "SHA3512" -> Optional.of("SHA3-512");
            default -> Optional.empty();
        };
    }

    private static MethodHandle findExporter() {
        try {
            return MethodHandles.publicLookup().findVirtual(ExtendedSSLSession.class, "exportKeyingMaterialData",
                    MethodType.methodType(byte[].class, String.class, byte[].class, int.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
