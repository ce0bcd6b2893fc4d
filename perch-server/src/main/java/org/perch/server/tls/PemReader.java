package org.perch.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** Reads PEM certificate chains and private keys; every error names the file. */
final class PemReader {

    private PemReader() {
    }

    static List<X509Certificate> certificates(Path file) {
        List<Object> objects = readAll(file);
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object object : objects) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    chain.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new TlsException(file + ": unusable certificate: " + e.getMessage(), e);
                }
            }
        }
        if (chain.isEmpty()) {
            throw new TlsException(file + ": no certificate found (expected a PEM '-----BEGIN CERTIFICATE-----' "
                    + "block)");
        }
        return chain;
    }

    static PrivateKey privateKey(Path file) {
        List<Object> objects = readAll(file);
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object object : objects) {
            try {
                switch (object) {
                    case PrivateKeyInfo info -> {
                        return converter.getPrivateKey(info);
                    }
                    case PEMKeyPair pair -> {
                        // SEC1 EC keys may omit the public key, so convert only the private half.
                        return converter.getPrivateKey(pair.getPrivateKeyInfo());
                    }
                    case PEMEncryptedKeyPair ignored -> throw encrypted(file);
                    case PKCS8EncryptedPrivateKeyInfo ignored -> throw encrypted(file);
                    default -> {
                        // certificates or parameters may share the file with the key; skip them
                    }
                }
            } catch (IOException e) {
                throw new TlsException(file + ": unusable private key: " + e.getMessage(), e);
            }
        }
        throw new TlsException(file + ": no private key found (expected a PEM 'PRIVATE KEY', 'RSA PRIVATE KEY' "
                + "or 'EC PRIVATE KEY' block)");
    }

    private static TlsException encrypted(Path file) {
        return new TlsException(file + ": the private key is encrypted; Perch needs an unencrypted key "
                + "(decrypt it with: openssl pkey -in KEY -out KEY.pem) and a file only the server can read");
    }

    private static List<Object> readAll(Path file) {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (NoSuchFileException e) {
            throw new TlsException(file + ": file not found", e);
        } catch (IOException | RuntimeException e) {
            throw new TlsException(file + ": not a readable PEM file: " + e.getMessage(), e);
        }
        return objects;
    }
}
