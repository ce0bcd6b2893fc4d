package org.perch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.core.Jid;
import org.perch.store.Account;
import org.perch.store.ScramCredential;
import org.perch.store.ScramMechanism;
import org.perch.store.Store;
import org.perch.store.h2.H2Store;

class UserCommandsTest {

    @TempDir
    Path tmp;

    private String dataDir;

    @BeforeEach
    void setUp() {
        dataDir = tmp.resolve("data").toString();
    }

    @Test
    void addShouldCreateTheAccountWithThePasswordFromStandardInput() {
        CliRun run = CliRun.run("s3cret\n", "user", "add", "--data-dir", dataDir, "alice");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("added alice@localhost\n");
        assertThat(run.err()).isEmpty();
        Account account = account("alice@localhost");
        assertThat(account.admin()).isFalse();
        assertThat(account.credentials()).containsKey(ScramMechanism.SHA_256);
    }

    @Test
    void aJidWithTheConfiguredDomainShouldBeAccepted() {
        CliRun run = CliRun.run("pw\n", "user", "add", "--data-dir", dataDir, "--domain", "example.org",
                "Bob@Example.org");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("added bob@example.org\n");
    }

    @Test
    void theDomainShouldAlsoComeFromTheEnvironment() {
        CliRun run = CliRun.runWith(Map.of("PERCH_DOMAIN", "env.example", "PERCH_DATA_DIR", dataDir), "pw\n",
                "user", "add", "carol");

        assertThat(run.out()).isEqualTo("added carol@env.example\n");
    }

    @Test
    void aJidOfAnotherDomainShouldBeRefused() {
        CliRun run = CliRun.run("pw\n", "user", "add", "--data-dir", dataDir, "bob@other.org");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("perch: bob@other.org is not on this server's domain localhost "
                + "(use bob@localhost or set domain)\n");
    }

    @Test
    void anInvalidJidShouldBeRefused() {
        CliRun run = CliRun.run("pw\n", "user", "add", "--data-dir", dataDir, "al ice");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("perch: 'al ice' is not a valid account name: ");
    }

    @Test
    void addingAnExistingAccountShouldFail() {
        CliRun.run("pw\n", "user", "add", "--data-dir", dataDir, "alice");

        CliRun again = CliRun.run("other\n", "user", "add", "--data-dir", dataDir, "alice");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).startsWith("perch: ").contains("alice@localhost").endsWith("\n");
        assertThat(again.err().lines()).hasSize(1);
    }

    @Test
    void addWithoutAPasswordOnStandardInputShouldFail() {
        CliRun run = CliRun.run("", "user", "add", "--data-dir", dataDir, "alice");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("perch: no password on standard input (expected one line)\n");
    }

    @Test
    void anEmptyPasswordShouldBeRefused() {
        CliRun run = CliRun.run("\n", "user", "add", "--data-dir", dataDir, "alice");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("perch: password must not be empty\n");
    }

    @Test
    void listShouldPrintEveryAccountSortedWithAdministratorsMarked() {
        CliRun.run("pw\n", "user", "add", "--data-dir", dataDir, "zoe");
        CliRun.run("pw\n", "user", "add", "--data-dir", dataDir, "alice");
        CliRun grant = CliRun.run("", "user", "grant-admin", "--data-dir", dataDir, "zoe@localhost");

        CliRun list = CliRun.run("", "user", "list", "--data-dir", dataDir);

        assertThat(grant.out()).isEqualTo("granted admin to zoe@localhost\n");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).isEqualTo("alice@localhost\nzoe@localhost (admin)\n");
    }

    @Test
    void listOfAnEmptyStoreShouldPrintNothing() {
        CliRun list = CliRun.run("", "user", "list", "--data-dir", dataDir);

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).isEmpty();
    }

    @Test
    void revokeAdminShouldTakeTheRoleAway() {
        CliRun.run("pw\n", "user", "add", "--data-dir", dataDir, "alice");
        CliRun.run("", "user", "grant-admin", "--data-dir", dataDir, "alice");
        assertThat(account("alice@localhost").admin()).isTrue();

        CliRun revoke = CliRun.run("", "user", "revoke-admin", "--data-dir", dataDir, "alice");

        assertThat(revoke.out()).isEqualTo("revoked admin from alice@localhost\n");
        assertThat(account("alice@localhost").admin()).isFalse();
    }

    @Test
    void passwdShouldReplaceThePassword() {
        CliRun.run("first\n", "user", "add", "--data-dir", dataDir, "alice");
        ScramCredential before = account("alice@localhost").credentials().get(ScramMechanism.SHA_256);

        CliRun passwd = CliRun.run("second\n", "user", "passwd", "--data-dir", dataDir, "alice");

        assertThat(passwd.exitCode()).isZero();
        assertThat(passwd.out()).isEqualTo("changed the password of alice@localhost\n");
        assertThat(account("alice@localhost").credentials().get(ScramMechanism.SHA_256))
                .isNotEqualTo(before);
    }

    @Test
    void passwdOfAnUnknownAccountShouldFail() {
        CliRun run = CliRun.run("pw\n", "user", "passwd", "--data-dir", dataDir, "nobody");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("perch: ").contains("nobody@localhost");
    }

    @Test
    void removeShouldDeleteTheAccount() {
        CliRun.run("pw\n", "user", "add", "--data-dir", dataDir, "alice");

        CliRun remove = CliRun.run("", "user", "remove", "--data-dir", dataDir, "alice");
        CliRun removeAgain = CliRun.run("", "user", "remove", "--data-dir", dataDir, "alice");

        assertThat(remove.exitCode()).isZero();
        assertThat(remove.out()).isEqualTo("removed alice@localhost\n");
        assertThat(CliRun.run("", "user", "list", "--data-dir", dataDir).out()).isEmpty();
        assertThat(removeAgain.exitCode()).isEqualTo(1);
        assertThat(removeAgain.err()).startsWith("perch: ");
    }

    @Test
    void aMissingJidShouldBeAUsageError() {
        CliRun run = CliRun.run("", "user", "add", "--data-dir", dataDir);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("perch: Missing required parameter: 'JID'")
                .contains("Run 'perch user add --help' for usage.");
    }

    @Test
    void aBadConfigurationShouldExitWithTwo() {
        CliRun run = CliRun.run("", "user", "list", "--config", tmp.resolve("missing.properties").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("perch: " + tmp.resolve("missing.properties")
                + ": configuration file not found\n");
    }

    private Account account(String jid) {
        try (Store store = H2Store.open(Path.of(dataDir))) {
            return store.accounts().find(Jid.of(jid)).orElseThrow();
        }
    }
}
