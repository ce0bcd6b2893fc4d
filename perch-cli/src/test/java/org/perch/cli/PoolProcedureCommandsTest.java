package org.perch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code perch pool failover|failback} in-process: what they refuse before touching any database. The procedures
 * themselves run against real PostgreSQL in perch-it's FailoverDrillIT.
 */
class PoolProcedureCommandsTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("a pool without a backup store stops at step 1, saying so, with exit 1")
    void aPoolWithoutABackupShouldStopAtTheFirstStep() throws Exception {
        Path file = Files.writeString(tmp.resolve("pools.json"), """
                {"schemaVersion": 1, "domain": "example.org",
                 "stores": {"lab": {"kind": "embedded", "dataDir": "%s"}},
                 "pools": [{"name": "lab", "mucServices": ["chat.example.org"], "store": "lab",
                            "servers": [{"name": "lab1", "host": "localhost", "role": "active"}]}]}
                """.formatted(tmp.resolve("data")));

        CliRun failover = CliRun.run("", "pool", "failover", "--pool", "lab", "--topology", file.toString());

        assertThat(failover.exitCode()).isEqualTo(1);
        assertThat(failover.out()).isEqualTo("[1/5] check the pool: stopped: pool 'lab' has no backupStore: there is"
                + " nothing to fail over to (docs/operations.md, Disaster recovery)\n");
        assertThat(failover.err()).isEqualTo("perch: stopped at step 1 of 5; the steps before it stay done. Fix the"
                + " cause above and run the command again\n");
    }

    @Test
    @DisplayName("a topology file with an error is printed and nothing is done; a missing file or --pool is a usage error")
    void badInputShouldBeRefusedBeforeAnyStep() throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"schemaVersion\": 1}");

        CliRun withErrors = CliRun.run("", "pool", "failback", "--pool", "lab", "--topology", broken.toString());
        assertThat(withErrors.exitCode()).isEqualTo(1);
        assertThat(withErrors.out()).contains("missing required key 'domain'").doesNotContain("[1/8]");
        assertThat(withErrors.err()).isEqualTo("perch: " + broken + " has errors; nothing was done\n");

        CliRun missing = CliRun.run("", "pool", "failover", "--pool", "lab", "--topology", tmp.resolve("none.json")
                .toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no file " + tmp.resolve("none.json"));
        CliRun noPool = CliRun.run("", "pool", "failover", "--topology", broken.toString());
        assertThat(noPool.exitCode()).isEqualTo(2);
        assertThat(noPool.err()).contains("Missing required option: '--pool=NAME'");
    }
}
