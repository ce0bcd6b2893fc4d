package org.perch.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.xmpp.netty.AbuseBan;
import org.perch.xmpp.netty.ConnectionLimits;
import org.perch.xmpp.netty.StanzaRate;
import org.perch.xmpp.pep.PepLimits;
import org.perch.xmpp.stream.StreamLimits;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final ConfigLoader noEnvironment = new ConfigLoader(Map.of());

    @Test
    void everyKeyShouldHaveItsDocumentedDefaultWhenNothingIsConfigured() {
        PerchConfig config = noEnvironment.load(Optional.empty(), Map.of());

        assertThat(config.domain()).isEqualTo("localhost");
        assertThat(config.mucDomain()).isEqualTo("chat.localhost");
        assertThat(config.dataDir()).isEqualTo(Path.of("perch-data").toAbsolutePath());
        assertThat(config.xmpp()).isEqualTo(new XmppConfig("0.0.0.0", 5222, 5223));
        assertThat(config.http()).isEqualTo(new HttpConfig("0.0.0.0", 5280, true));
        assertThat(config.webClientEnabled()).isTrue();
        assertThat(config.tls()).isEqualTo(new TlsConfig.SelfSigned());
        assertThat(config.registrationEnabled()).isFalse();
        assertThat(config.auth()).isEqualTo(new AuthConfig(4096, 5, 20, Duration.ofMinutes(5), true));
        assertThat(config.limits()).isEqualTo(new LimitsConfig(new StreamLimits(262144, 32, 64),
                new ConnectionLimits(64, Duration.ofMinutes(5), Duration.ofSeconds(30),
                        new StanzaRate(50, 100, Duration.ofSeconds(30)), Duration.ofSeconds(30), 4L * 1024 * 1024,
                        new AbuseBan(5, Duration.ofMinutes(1))),
                250));
        assertThat(config.limits().connections()).isEqualTo(ConnectionLimits.DEFAULT);
        assertThat(config.streamManagement().resumeTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.streamManagement().resumptionEnabled()).isTrue();
        assertThat(config.pep()).isEqualTo(new PepLimits(4096, 65536, 128)).isEqualTo(PepLimits.DEFAULT);
        assertThat(PerchConfig.defaults()).isEqualTo(config);
    }

    @Test
    void theConnectionLimitsShouldBeReadFromTheirKeysAndAZeroStanzaRateShouldTurnTheRateOff() {
        PerchConfig config = noEnvironment.load(Optional.empty(), Map.of("limits.stanzas-per-second", "0",
                "limits.negotiation-timeout-seconds", "10", "limits.slow-reader-seconds", "5",
                "limits.max-outbound-bytes", "65536", "limits.flood-seconds", "7", "limits.max-mam-page", "100",
                "limits.ban-after-offences", "0", "limits.ban-seconds", "600"));
        ConnectionLimits limits = config.limits().connections();

        assertThat(limits.stanzaRate().enabled()).isFalse();
        assertThat(limits.stanzaRate().floodTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(limits.negotiationTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(limits.slowReaderTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(limits.maxOutboundBytes()).isEqualTo(65536);
        assertThat(config.limits().maxArchivePage()).isEqualTo(100);
        assertThat(limits.abuseBan()).isEqualTo(new AbuseBan(0, Duration.ofMinutes(10)));
        assertThat(limits.abuseBan().enabled()).isFalse();
        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of("limits.max-outbound-bytes", "1000")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("command line: limits.max-outbound-bytes: '1000' is not a whole number from 65536 to "
                        + "1073741824");
    }

    @Test
    void thePepLimitsShouldBeReadFromTheirKeysAndValuesOutOfRangeRefusedNamingTheKey() {
        PerchConfig config = noEnvironment.load(Optional.empty(), Map.of("pep.max-items", "50",
                "pep.max-payload-bytes", "2048", "pep.max-nodes", "3"));
        assertThat(config.pep()).isEqualTo(new PepLimits(50, 2048, 3));

        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of("pep.max-items", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("command line: pep.max-items: '0' is not a whole number from 1 to 65536");
        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of("pep.max-payload-bytes", "1MB")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("command line: pep.max-payload-bytes: '1MB' is not a whole number from 1024 to 524288");
        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of("pep.max-nodes", "-5")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("command line: pep.max-nodes: '-5' is not a whole number from 1 to 10000");
    }

    @Test
    void theStoreShouldBeEmbeddedAndTheServerOnItsOwnUnlessConfiguredOtherwise() {
        PerchConfig config = PerchConfig.defaults();

        assertThat(config.store()).isEqualTo(new StoreConfig.Embedded());
        assertThat(config.poolMember()).isEmpty();
    }

    @Test
    void aPostgresqlStoreShouldNeedItsDatabaseAndPasswordFileAndNeverAPasswordInItsUrl() {
        PerchConfig config = noEnvironment.load(Optional.empty(), Map.of("store.kind", "postgresql",
                "store.url", "jdbc:postgresql://db1.example.org:5432/perch", "store.password-file", "/etc/perch/db"));
        assertThat(config.store()).isEqualTo(new StoreConfig.Postgres("jdbc:postgresql://db1.example.org:5432/perch",
                "perch", Path.of("/etc/perch/db"), 16));

        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of("store.kind", "postgresql",
                "store.password-file", "/etc/perch/db"))).isInstanceOf(ConfigException.class)
                .hasMessage("default: store.url: '' is empty, but store.kind is postgresql: name the database");
        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of("store.kind", "postgresql",
                "store.url", "jdbc:postgresql://db1/perch"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("store.password-file: '' is empty, but store.kind is postgresql");
        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of("store.url",
                "jdbc:postgresql://db1/perch?user=perch&Password=secret"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("holds a password: put it in store.password-file instead");
        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of("store.url", "jdbc:mysql://db1/perch")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is not a PostgreSQL URL");
        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of("store.kind", "oracle")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is not one of embedded, postgresql");
    }

    @Test
    void aPoolMemberShouldNameBothItsPoolAndItself() {
        assertThat(noEnvironment.load(Optional.empty(), Map.of("pool.name", "pool-a", "pool.server", "fe1"))
                .poolMember()).contains(new PoolMember("pool-a", "fe1"));

        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of("pool.name", "pool-a")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("default: pool.server: '' is empty, but pool.name is set: name this server too");
        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of("pool.server", "fe1")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("default: pool.name: '' is empty, but pool.server is set: name the pool too");
    }

    @Test
    void theRoomManagementPageShouldListenOnEveryInterfaceWithTlsUnlessConfiguredOtherwise() {
        assertThat(PerchConfig.defaults().web()).isEqualTo(new HttpConfig("0.0.0.0", 5291, true));

        PerchConfig off = noEnvironment.load(Optional.empty(), Map.of("web.port", "-1", "web.tls", "false",
                "web.bind-address", "127.0.0.1"));
        assertThat(off.web()).isEqualTo(new HttpConfig("127.0.0.1", -1, false));
        assertThat(off.web().enabled()).isFalse();
        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of("web.port", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("web.port");
    }

    @Test
    void theWebClientShouldBeServedUnlessTurnedOff() {
        PerchConfig off = noEnvironment.load(Optional.empty(), Map.of("webclient.enabled", "false"));

        assertThat(off.webClientEnabled()).isFalse();
        assertThat(off.http()).as("the HTTP port, WebSocket and all, stays").isEqualTo(PerchConfig.defaults().http());
        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of("webclient.enabled", "no")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("webclient.enabled");
    }

    @Test
    void theMucDomainShouldFollowTheConfiguredDomainUnlessSetItself() throws IOException {
        Path file = write("domain = Example.ORG\n");
        assertThat(noEnvironment.load(Optional.of(file), Map.of()).mucDomain()).isEqualTo("chat.example.org");

        Path own = write("domain = example.org\nmuc.domain = rooms.example.org\n");
        assertThat(noEnvironment.load(Optional.of(own), Map.of()).mucDomain()).isEqualTo("rooms.example.org");
    }

    @Test
    void aFileShouldOverrideDefaultsAndAcceptCommentsAndSpaces() throws IOException {
        Path file = write("""
                # a comment
                domain   =   example.org
                xmpp.c2s-port=15222
                http.tls = FALSE
                registration.enabled = true
                data-dir = data
                stream-management.resume-timeout-seconds = 0
                """);

        PerchConfig config = noEnvironment.load(Optional.of(file), Map.of());

        assertThat(config.domain()).isEqualTo("example.org");
        assertThat(config.xmpp().c2sPort()).isEqualTo(15222);
        assertThat(config.http().tls()).isFalse();
        assertThat(config.registrationEnabled()).isTrue();
        assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.streamManagement().resumptionEnabled()).isFalse();
    }

    @Test
    void environmentShouldOverrideTheFileAndOverridesShouldOverrideBoth() throws IOException {
        Path file = write("domain = file.example\nxmpp.c2s-port = 1000\nhttp.port = 1001\n");
        ConfigLoader loader = new ConfigLoader(Map.of("PERCH_XMPP_C2S_PORT", "2000", "PERCH_HTTP_PORT", "2001",
                "PERCH_DOMAIN", "env.example", "PERCH_UNRELATED_THING", "ignored"));

        PerchConfig config = loader.load(Optional.of(file), Map.of("http.port", "3001"));

        assertThat(config.xmpp().c2sPort()).isEqualTo(2000);
        assertThat(config.http().port()).isEqualTo(3001);
        assertThat(config.domain()).isEqualTo("env.example");
    }

    @Test
    void portsShouldAcceptZeroForAnyAndMinusOneToDisable() {
        PerchConfig config = noEnvironment.load(Optional.empty(),
                Map.of("xmpp.c2s-port", "0", "xmpp.direct-tls-port", "-1", "http.port", "-1"));

        assertThat(config.xmpp().c2sPort()).isZero();
        assertThat(config.xmpp().c2sEnabled()).isTrue();
        assertThat(config.xmpp().directTlsEnabled()).isFalse();
        assertThat(config.http().enabled()).isFalse();
    }

    @Test
    void configuredTlsFilesShouldBeResolvedAgainstTheWorkingDirectory() {
        PerchConfig config = noEnvironment.load(Optional.empty(),
                Map.of("tls.certificate", "certs/chain.pem", "tls.private-key", "/etc/perch/key.pem"));

        assertThat(config.tls()).isEqualTo(new TlsConfig.Files(Path.of("certs/chain.pem").toAbsolutePath(),
                Path.of("/etc/perch/key.pem")));
    }

    @Test
    void anUnknownKeyInTheFileShouldBeNamedWithTheFileAndAClosestMatch() throws IOException {
        Path file = write("xmpp.c2s.prot = 5222\n");

        assertThatThrownBy(() -> noEnvironment.load(Optional.of(file), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": unknown key 'xmpp.c2s.prot' (did you mean 'xmpp.c2s-port'?)");
    }

    @Test
    void anUnknownKeyFarFromEveryKnownKeyShouldHaveNoSuggestion() throws IOException {
        Path file = write("completely.unrelated.setting = 1\n");

        assertThatThrownBy(() -> noEnvironment.load(Optional.of(file), Map.of()))
                .hasMessage(file + ": unknown key 'completely.unrelated.setting'");
    }

    @Test
    void anUnknownOverrideShouldNameTheCommandLine() {
        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of("domian", "x")))
                .hasMessage("command line: unknown key 'domian' (did you mean 'domain'?)");
    }

    @Test
    void aMissingFileShouldBeAClearError() {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> noEnvironment.load(Optional.of(missing), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": configuration file not found");
    }

    @Test
    void aDirectoryInsteadOfAFileShouldBeAClearError() {
        assertThatThrownBy(() -> noEnvironment.load(Optional.of(dir), Map.of()))
                .hasMessage(dir + ": configuration file is not a regular file");
    }

    @Test
    void aBadPortInTheFileShouldNameFileKeyAndValue() throws IOException {
        Path file = write("xmpp.c2s-port = 70000\n");

        assertThatThrownBy(() -> noEnvironment.load(Optional.of(file), Map.of()))
                .hasMessage(file + ": xmpp.c2s-port: '70000' is not a port (1-65535, 0 for any, -1 to disable)");
    }

    @Test
    void aBadValueFromTheEnvironmentShouldNameTheVariable() {
        ConfigLoader loader = new ConfigLoader(Map.of("PERCH_HTTP_PORT", "http"));

        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of()))
                .hasMessage("environment variable PERCH_HTTP_PORT: http.port: 'http' is not a port "
                        + "(1-65535, 0 for any, -1 to disable)");
    }

    @Test
    void everyValidationErrorShouldExplainTheExpectedValue() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("domain", "'a b' is not a domain name"),
                Map.entry("muc.domain", "'chat@x' is not a domain name"),
                Map.entry("data-dir", "'' is not a path (it is empty)"),
                Map.entry("xmpp.bind-address", "'0.0.0.0 x' is not an address (an IP address or a host name)"),
                Map.entry("xmpp.direct-tls-port", "'-2' is not a port (1-65535, 0 for any, -1 to disable)"),
                Map.entry("http.bind-address", "'' is not an address (an IP address or a host name)"),
                Map.entry("http.tls", "'yes' is not a boolean (true or false)"),
                Map.entry("registration.enabled", "'on' is not a boolean (true or false)"),
                Map.entry("auth.scram-iterations", "'1000' is not a whole number from 4096 to 1000000"),
                Map.entry("auth.max-failures-per-account", "'0' is not a whole number from 1 to 1000000"),
                Map.entry("auth.max-failures-per-address", "'x' is not a whole number from 1 to 1000000"),
                Map.entry("auth.lockout-seconds", "'0' is not a whole number from 1 to 86400"),
                Map.entry("limits.max-stanza-bytes", "'16777217' is not a whole number from 1024 to 16777216"),
                Map.entry("limits.max-depth", "'3' is not a whole number from 4 to 1024"),
                Map.entry("limits.max-attributes", "'2000' is not a whole number from 8 to 1024"),
                Map.entry("limits.max-connections-per-address", "'0' is not a whole number from 1 to 1000000"),
                Map.entry("limits.idle-timeout-seconds", "'1.5' is not a whole number from 1 to 86400"),
                Map.entry("stream-management.resume-timeout-seconds",
                        "'-1' is not a whole number from 0 to 86400"));
        expected.forEach((key, message) -> {
            String value = message.substring(1, message.indexOf('\'', 1));
            assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of(key, value)))
                    .as(key)
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("command line: " + key + ": " + message);
        });
    }

    @Test
    void aCertificateWithoutAKeyShouldBeRefused() {
        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of("tls.certificate", "c.pem")))
                .hasMessage("command line: tls.certificate: 'c.pem' is set, so tls.private-key must be set too");
    }

    @Test
    void aKeyWithoutACertificateShouldBeRefused() {
        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(), Map.of("tls.private-key", "k.pem")))
                .hasMessage("command line: tls.private-key: 'k.pem' is set, so tls.certificate must be set too");
    }

    @Test
    void theMucDomainMustDifferFromTheDomain() {
        assertThatThrownBy(() -> noEnvironment.load(Optional.empty(),
                Map.of("domain", "example.org", "muc.domain", "example.org")))
                .hasMessage("command line: muc.domain: 'example.org' must differ from domain");
    }

    @Test
    void environmentVariableNamesShouldFollowTheKeys() {
        assertThat(ConfigKeys.XMPP_C2S_PORT.environmentVariable()).isEqualTo("PERCH_XMPP_C2S_PORT");
        assertThat(ConfigKeys.SM_RESUME_TIMEOUT_SECONDS.environmentVariable())
                .isEqualTo("PERCH_STREAM_MANAGEMENT_RESUME_TIMEOUT_SECONDS");
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "perch", ".properties");
        Files.writeString(file, content);
        return file;
    }
}
