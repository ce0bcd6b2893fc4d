package org.perch.server.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.perch.server.config.TlsConfig;
import org.perch.xmpp.netty.TlsIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS identity: the operator's PEM files, or a self-signed certificate generated on first start in
 * {@code <data-dir>/tls/<domain>.crt} and {@code .key} and reused until it expires or the domain changes.
 */
public final class TlsFiles {

    private static final Logger LOG = LoggerFactory.getLogger(TlsFiles.class);

    private TlsFiles() {
    }

    /**
     * Loads the configured certificate and key, or loads (creating it if needed) the self-signed one.
     *
     * @throws TlsException naming the file and the problem
     */
    public static TlsIdentity loadOrCreate(TlsConfig config, Path dataDir, String domain) {
        return loadOrCreate(config, dataDir, domain, Clock.systemUTC());
    }

    static TlsIdentity loadOrCreate(TlsConfig config, Path dataDir, String domain, Clock clock) {
        return switch (config) {
            case TlsConfig.Files files -> load(files.certificate(), files.privateKey());
            case TlsConfig.SelfSigned ignored -> selfSigned(dataDir.resolve("tls"), domain, clock);
        };
    }

    /**
     * The server's certificate (the leaf) as the configuration names it, without generating one: for clients on
     * the server's machine (the {@code perch} commands) that trust exactly this certificate.
     *
     * @throws TlsException if there is no certificate yet (the server never started) or it cannot be read
     */
    public static X509Certificate leaf(TlsConfig config, Path dataDir, String domain) {
        Path file = switch (config) {
            case TlsConfig.Files files -> files.certificate();
            case TlsConfig.SelfSigned ignored -> dataDir.resolve("tls").resolve(domain + ".crt");
        };
        if (!Files.exists(file)) {
            throw new TlsException(file + " does not exist: has the server been started with this configuration?");
        }
        return PemReader.certificates(file).getFirst();
    }

    /** The SHA-256 fingerprint of the certificate's DER encoding, as colon-separated upper-case hex pairs. */
    public static String fingerprintSha256(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new TlsException("cannot fingerprint certificate: " + e.getMessage(), e);
        }
    }

    static TlsIdentity load(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = PemReader.certificates(certificateFile);
        PrivateKey key = PemReader.privateKey(keyFile);
        if (!matches(key, chain.getFirst())) {
            throw new TlsException(keyFile + ": this private key does not belong to the first certificate in "
                    + certificateFile);
        }
        return new TlsIdentity(key, chain);
    }

    private static TlsIdentity selfSigned(Path dir, String domain, Clock clock) {
        Path certificateFile = dir.resolve(domain + ".crt");
        Path keyFile = dir.resolve(domain + ".key");
        if (Files.exists(certificateFile) && Files.exists(keyFile)) {
            TlsIdentity existing = load(certificateFile, keyFile);
            Optional<String> stale = staleness(existing.leaf(), domain, clock);
            if (stale.isEmpty()) {
                return existing;
            }
            LOG.info("Regenerating the self-signed certificate {}: {}", certificateFile, stale.get());
        } else {
            LOG.info("Generating a self-signed certificate for {} in {}", domain, certificateFile);
        }
        TlsIdentity identity = SelfSignedCertificate.generate(domain, clock, new SecureRandom());
        write(dir, certificateFile, keyFile, identity);
        return identity;
    }

    private static Optional<String> staleness(X509Certificate certificate, String domain, Clock clock) {
        if (certificate.getNotAfter().before(Date.from(clock.instant()))) {
            return Optional.of("it expired on " + certificate.getNotAfter().toInstant());
        }
        try {
            var names = certificate.getSubjectAlternativeNames();
            boolean covers = names != null && names.stream().anyMatch(n -> domain.equals(n.get(1)));
            return covers ? Optional.empty() : Optional.of("it is not for the domain " + domain);
        } catch (CertificateParsingException e) {
            return Optional.of("its names cannot be read (" + e.getMessage() + ")");
        }
    }

    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> throw new TlsException("unsupported private key algorithm " + key.getAlgorithm());
        };
        byte[] probe = "perch key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A key of another algorithm than the certificate's cannot even be tried: it does not match.
            return false;
        }
    }

    private static void write(Path dir, Path certificateFile, Path keyFile, TlsIdentity identity) {
        try {
            Files.createDirectories(dir);
            writeAtomically(keyFile, pem(new JcaPKCS8Generator(identity.privateKey(), null)), true);
            writeAtomically(certificateFile, pem(identity.leaf()), false);
        } catch (IOException e) {
            throw new TlsException(dir + ": cannot write the self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path file, String content, boolean secret) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // Created 0600 from the start, so the key is never readable by others, not even briefly.
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temp, content, StandardCharsets.US_ASCII);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        // PKCS#8 for keys: readable by every TLS stack, and it carries the algorithm with the key.
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
