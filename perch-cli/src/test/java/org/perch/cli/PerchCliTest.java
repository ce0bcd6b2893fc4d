package org.perch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.server.config.ConfigKeys;

class PerchCliTest {

    @TempDir
    Path tmp;

    @Test
    void helpShouldMentionEveryCommand() {
        CliRun run = CliRun.run("", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("serve", "user", "config", "help", "--version")
                .contains("user add", "user list", "passwd", "remove", "grant-admin", "revoke-admin")
                .contains("config keys", "config check");
    }

    @Test
    void userHelpShouldListEveryUserCommand() {
        CliRun run = CliRun.run("", "user", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("add", "passwd", "remove", "list", "grant-admin", "revoke-admin");
    }

    @Test
    void commandHelpShouldShowTheConfigurationOptions() {
        CliRun run = CliRun.run("", "help", "serve");

        assertThat(run.out()).contains("--config=FILE", "--data-dir=DIR", "--domain=DOMAIN");
    }

    @Test
    void versionShouldNamePerch() {
        CliRun run = CliRun.run("", "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("perch ");
    }

    @Test
    void noCommandShouldBeAUsageError() {
        CliRun run = CliRun.run("");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("perch: Missing required subcommand");
    }

    @Test
    void aMistypedCommandShouldSuggestTheRightOne() {
        CliRun run = CliRun.run("", "user", "ad", "alice");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("perch: Unmatched arguments", "add");
    }

    @Test
    void configKeysShouldPrintTheKeyTable() {
        CliRun run = CliRun.run("", "config", "keys");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(ConfigKeys.markdownTable());
    }

    @Test
    void configCheckShouldAcceptAValidFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("perch.properties"), "domain = example.org\nhttp.port = 0\n");

        CliRun run = CliRun.run("", "config", "check", "--config", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("configuration OK\n");
    }

    @Test
    void configCheckShouldReportAnUnknownKeyAndExitWithTwo() throws IOException {
        Path file = Files.writeString(tmp.resolve("perch.properties"), "xmpp.c2s.prot = 5222\n");

        CliRun run = CliRun.run("", "config", "check", "--config", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("perch: " + file
                + ": unknown key 'xmpp.c2s.prot' (did you mean 'xmpp.c2s-port'?)\n");
    }

    @Test
    void serveWithABadConfigurationShouldPrintTheProblemAndExitWithTwo() {
        CliRun run = CliRun.runWith(Map.of("PERCH_XMPP_C2S_PORT", "70000"), "", "serve",
                "--data-dir", tmp.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("perch: environment variable PERCH_XMPP_C2S_PORT: xmpp.c2s-port: "
                + "'70000' is not a port (1-65535, 0 for any, -1 to disable)\n");
    }

    @Test
    void serveWithUnusableTlsFilesShouldPrintTheFileAndExitWithTwo() throws IOException {
        Path certificate = Files.writeString(tmp.resolve("cert.pem"), "not a certificate\n");
        Path key = Files.writeString(tmp.resolve("key.pem"), "not a key\n");

        CliRun run = CliRun.runWith(Map.of("PERCH_TLS_CERTIFICATE", certificate.toString(),
                "PERCH_TLS_PRIVATE_KEY", key.toString(), "PERCH_XMPP_BIND_ADDRESS", "127.0.0.1",
                "PERCH_HTTP_BIND_ADDRESS", "127.0.0.1", "PERCH_XMPP_C2S_PORT", "0",
                "PERCH_XMPP_DIRECT_TLS_PORT", "0", "PERCH_HTTP_PORT", "0"), "", "serve",
                "--data-dir", tmp.resolve("data").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("perch: " + certificate + ": no certificate found");
    }
}
