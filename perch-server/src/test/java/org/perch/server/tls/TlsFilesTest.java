package org.perch.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.server.config.TlsConfig;
import org.perch.xmpp.netty.TlsIdentity;

class TlsFilesTest {

    private static final TlsConfig SELF_SIGNED = new TlsConfig.SelfSigned();

    @TempDir
    Path dataDir;

    @Test
    void firstStartShouldGenerateASelfSignedCertificateForTheDomainAndItsSubdomains() throws Exception {
        TlsIdentity identity = TlsFiles.loadOrCreate(SELF_SIGNED, dataDir, "example.org");

        X509Certificate leaf = identity.leaf();
        assertThat(leaf.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .containsExactlyInAnyOrder("example.org", "*.example.org");
        assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(identity.privateKey().getAlgorithm()).isEqualTo("EC");
        assertThat(Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()))
                .isBetween(Duration.ofDays(365), Duration.ofDays(366));
        leaf.checkValidity();
        leaf.verify(leaf.getPublicKey());
        assertThat(dataDir.resolve("tls/example.org.crt")).content().startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(dataDir.resolve("tls/example.org.key")).content().startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void theGeneratedKeyFileShouldBeReadableByItsOwnerOnly() throws Exception {
        TlsFiles.loadOrCreate(SELF_SIGNED, dataDir, "example.org");

        assertThat(Files.getPosixFilePermissions(dataDir.resolve("tls/example.org.key")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void laterStartsShouldReuseTheGeneratedCertificate() {
        TlsIdentity first = TlsFiles.loadOrCreate(SELF_SIGNED, dataDir, "example.org");
        TlsIdentity second = TlsFiles.loadOrCreate(SELF_SIGNED, dataDir, "example.org");

        assertThat(second.leaf()).isEqualTo(first.leaf());
        assertThat(second.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
    }

    @Test
    void anExpiredGeneratedCertificateShouldBeReplaced() throws Exception {
        Clock twoYearsAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(730)), ZoneOffset.UTC);
        TlsIdentity old = TlsFiles.loadOrCreate(SELF_SIGNED, dataDir, "example.org", twoYearsAgo);

        TlsIdentity renewed = TlsFiles.loadOrCreate(SELF_SIGNED, dataDir, "example.org");

        assertThat(renewed.leaf()).isNotEqualTo(old.leaf());
        renewed.leaf().checkValidity();
        assertThat(TlsFiles.loadOrCreate(SELF_SIGNED, dataDir, "example.org").leaf()).isEqualTo(renewed.leaf());
    }

    @Test
    void aGeneratedCertificateForAnotherDomainShouldBeReplaced() throws Exception {
        TlsIdentity other = TlsFiles.loadOrCreate(SELF_SIGNED, dataDir, "other.example");
        Files.copy(dataDir.resolve("tls/other.example.crt"), dataDir.resolve("tls/example.org.crt"));
        Files.copy(dataDir.resolve("tls/other.example.key"), dataDir.resolve("tls/example.org.key"));

        TlsIdentity identity = TlsFiles.loadOrCreate(SELF_SIGNED, dataDir, "example.org");

        assertThat(identity.leaf()).isNotEqualTo(other.leaf());
        assertThat(identity.leaf().getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .contains("example.org");
    }

    @Test
    void configuredFilesShouldBeLoadedWithTheWholeChainInOrder() throws Exception {
        TlsIdentity leaf = SelfSignedCertificate.generate("example.org", Clock.systemUTC(),
                new SecureRandom());
        TlsIdentity issuer = SelfSignedCertificate.generate("ca.example", Clock.systemUTC(),
                new SecureRandom());
        Path chain = TestCertificates.writePem(dataDir.resolve("chain.pem"), leaf.leaf(), issuer.leaf());
        Path key = TestCertificates.writePem(dataDir.resolve("key.pem"),
                new JcaPKCS8Generator(leaf.privateKey(), null));

        TlsIdentity loaded = TlsFiles.loadOrCreate(new TlsConfig.Files(chain, key), dataDir, "example.org");

        assertThat(loaded.chain()).containsExactly(leaf.leaf(), issuer.leaf());
        assertThat(loaded.privateKey().getEncoded()).isEqualTo(leaf.privateKey().getEncoded());
        assertThat(dataDir.resolve("tls")).doesNotExist();
    }

    @Test
    void anRsaKeyInPkcs1FormShouldBeAccepted() throws Exception {
        KeyPair keys = TestCertificates.rsaKeys();
        Path certificate = TestCertificates.writePem(dataDir.resolve("c.pem"),
                TestCertificates.rsaCertificate(keys, "example.org"));
        Path key = TestCertificates.writePem(dataDir.resolve("k.pem"), keys);
        assertThat(key).content().startsWith("-----BEGIN RSA PRIVATE KEY-----");

        TlsIdentity loaded = TlsFiles.loadOrCreate(new TlsConfig.Files(certificate, key), dataDir, "example.org");

        assertThat(loaded.privateKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void anEcKeyInSec1FormShouldBeAccepted() throws Exception {
        TlsIdentity generated = SelfSignedCertificate.generate("example.org", Clock.systemUTC(),
                new SecureRandom());
        Path certificate = TestCertificates.writePem(dataDir.resolve("c.pem"), generated.leaf());
        Path key = TestCertificates.writePem(dataDir.resolve("k.pem"),
                TestCertificates.sec1(generated.privateKey()));
        assertThat(key).content().startsWith("-----BEGIN EC PRIVATE KEY-----");

        assertThat(TlsFiles.loadOrCreate(new TlsConfig.Files(certificate, key), dataDir, "x").chain())
                .containsExactly(generated.leaf());
    }

    @Test
    void aKeyOfAnotherCertificateShouldBeRefusedNamingTheKeyFile() throws Exception {
        TlsIdentity one = TlsFiles.loadOrCreate(SELF_SIGNED, dataDir, "one.example");
        TlsIdentity two = TlsFiles.loadOrCreate(SELF_SIGNED, dataDir, "two.example");
        Path certificate = TestCertificates.writePem(dataDir.resolve("c.pem"), one.leaf());
        Path key = TestCertificates.writePem(dataDir.resolve("k.pem"), new JcaPKCS8Generator(two.privateKey(), null));

        assertThatThrownBy(() -> TlsFiles.loadOrCreate(new TlsConfig.Files(certificate, key), dataDir, "x"))
                .isInstanceOf(TlsException.class)
                .hasMessage(key + ": this private key does not belong to the first certificate in " + certificate);
    }

    @Test
    void anRsaKeyForAnEcCertificateShouldBeRefused() throws Exception {
        TlsIdentity ec = TlsFiles.loadOrCreate(SELF_SIGNED, dataDir, "one.example");
        Path certificate = TestCertificates.writePem(dataDir.resolve("c.pem"), ec.leaf());
        Path key = TestCertificates.writePem(dataDir.resolve("k.pem"), TestCertificates.rsaKeys());

        assertThatThrownBy(() -> TlsFiles.loadOrCreate(new TlsConfig.Files(certificate, key), dataDir, "x"))
                .hasMessageContaining("does not belong");
    }

    @Test
    void missingOrWrongFilesShouldBeNamedWithTheProblem() throws Exception {
        TlsIdentity ec = TlsFiles.loadOrCreate(SELF_SIGNED, dataDir, "one.example");
        Path certificate = TestCertificates.writePem(dataDir.resolve("c.pem"), ec.leaf());
        Path garbage = Files.writeString(dataDir.resolve("garbage.pem"), "hello, not PEM\n");
        Path missing = dataDir.resolve("missing.pem");

        assertThatThrownBy(() -> TlsFiles.loadOrCreate(new TlsConfig.Files(missing, certificate), dataDir, "x"))
                .hasMessage(missing + ": file not found");
        assertThatThrownBy(() -> TlsFiles.loadOrCreate(new TlsConfig.Files(garbage, certificate), dataDir, "x"))
                .hasMessageStartingWith(garbage + ": no certificate found");
        assertThatThrownBy(() -> TlsFiles.loadOrCreate(new TlsConfig.Files(certificate, certificate), dataDir, "x"))
                .hasMessageStartingWith(certificate + ": no private key found");
    }

    @Test
    void anEncryptedKeyShouldBeRefusedWithAHint() throws Exception {
        TlsIdentity ec = TlsFiles.loadOrCreate(SELF_SIGNED, dataDir, "one.example");
        Path certificate = TestCertificates.writePem(dataDir.resolve("c.pem"), ec.leaf());
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider()).setPassword("secret".toCharArray()).build();
        Path key = TestCertificates.writePem(dataDir.resolve("k.pem"),
                new JcaPKCS8Generator(ec.privateKey(), encryptor));

        assertThatThrownBy(() -> TlsFiles.loadOrCreate(new TlsConfig.Files(certificate, key), dataDir, "x"))
                .hasMessageStartingWith(key + ": the private key is encrypted");
    }

    @Test
    void theFingerprintShouldBeThirtyTwoColonSeparatedHexPairsAndDifferPerCertificate() {
        X509Certificate one = TlsFiles.loadOrCreate(SELF_SIGNED, dataDir, "one.example").leaf();
        X509Certificate two = TlsFiles.loadOrCreate(SELF_SIGNED, dataDir, "two.example").leaf();

        assertThat(TlsFiles.fingerprintSha256(one)).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}")
                .isEqualTo(TlsFiles.fingerprintSha256(one))
                .isNotEqualTo(TlsFiles.fingerprintSha256(two));
    }
}
