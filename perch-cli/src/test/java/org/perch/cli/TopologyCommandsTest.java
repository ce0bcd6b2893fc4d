package org.perch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.store.Store;
import org.perch.store.cluster.PublishedTopology;
import org.perch.store.h2.H2Store;

/** {@code perch topology validate|publish|show} in-process, publishing into an embedded store in a temp dir. */
class TopologyCommandsTest {

    @TempDir
    Path tmp;
    private Path dataDir;
    private Path file;
    private String topology;

    @BeforeEach
    void writeTopology() throws IOException {
        dataDir = tmp.resolve("data");
        file = tmp.resolve("topology.json");
        topology = """
                {
                  "schemaVersion": 1,
                  "domain": "example.org",
                  "stores": {
                    "lab": {"kind": "embedded", "dataDir": "%s"}
                  },
                  "pools": [
                    {"name": "lab", "mucServices": ["chat.example.org"], "store": "lab",
                     "servers": [{"name": "lab1", "host": "localhost", "role": "active"}]}
                  ]
                }
                """.formatted(dataDir);
        Files.writeString(file, topology);
    }

    @Test
    @DisplayName("validate: a valid file, exit 0; warnings printed, still exit 0")
    void validateShouldAcceptAValidFile() throws IOException {
        CliRun valid = CliRun.run("", "topology", "validate", file.toString());
        assertThat(valid.exitCode()).as(valid.err()).isZero();
        assertThat(valid.out()).isEqualTo(file + ": valid, no problems\n");
        Files.writeString(file, "\uFEFF" + topology);
        assertThat(CliRun.run("", "topology", "validate", file.toString()).out()).as("with a byte order mark")
                .isEqualTo(file + ": valid, no problems\n");

        String outside = topology.replace("\"chat.example.org\"", "\"chat.example.net\"");
        Files.writeString(file, outside);
        CliRun warned = CliRun.run("", "topology", "validate", file.toString());
        assertThat(warned.exitCode()).isZero();
        assertThat(warned.out()).isEqualTo(at(outside, "\"chat.example.net\"") + ": warning:"
                + " pools[0].mucServices[0]: MUC service"
                + " 'chat.example.net' is outside the domain example.org: expected a subdomain such as"
                + " chat.example.org (allowed if that domain's DNS and certificate are yours)\n"
                + file + ": valid, 1 warning\n");
    }

    @Test
    @DisplayName("validate: every problem on a line of its own, FILE:LINE:COL first, then the summary; exit 1")
    void validateShouldPrintEveryProblem() throws IOException {
        String broken = topology.replace("\"role\": \"active\"", "\"role\": \"primary\"")
                .replace("\"store\": \"lab\"", "\"store\": \"lob\"");
        Files.writeString(file, broken);

        CliRun run = CliRun.run("", "topology", "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(at(broken, "{\"kind\"") + ": warning: stores.lab: store 'lab' is not used"
                + " by any pool\n"
                + at(broken, "\"lob\"") + ": error: pools[0].store: unknown store 'lob'; did you mean 'lab'? (defined:"
                + " lab)\n"
                + at(broken, "\"primary\"") + ": error: pools[0].servers[0].role: role must be active (accepts"
                + " connections) or idle"
                + " (waits to be activated), found \"primary\"\n"
                + file + ": 2 errors, 1 warning; not publishable\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    @DisplayName("validate: no such file, or no FILE at all, is a usage error: exit 2")
    void validateUsageErrorsShouldExitTwo() {
        CliRun missing = CliRun.run("", "topology", "validate", tmp.resolve("nothing.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("perch: no file " + tmp.resolve("nothing.json") + "\n");
        assertThat(CliRun.run("", "topology", "validate").exitCode()).isEqualTo(2);
    }

    @Test
    @DisplayName("publish, then show reads it back; a stale --expect-version is refused and leaves it current")
    void publishThenShowShouldRoundTrip() {
        CliRun published = CliRun.run("", "topology", "publish", file.toString());
        assertThat(published.exitCode()).as(published.err()).isZero();
        assertThat(published.out()).isEqualTo("published version 1 to store 'lab' (pool lab)\n");

        CliRun stale = CliRun.run("", "topology", "publish", file.toString(), "--expect-version", "0");
        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(stale.err()).isEqualTo("perch: store 'lab' of pool 'lab' holds version 1, not 0: someone else"
                + " published meanwhile; nothing was published\n");

        CliRun shown = CliRun.run("", "topology", "show", "--data-dir", dataDir.toString());
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).isEqualTo("version 1, published " + current().publishedAt() + ", domain example.org,"
                + " at most 16 active servers per pool\n"
                + "\n"
                + "POOL  STATE   MUC SERVICES      STORE  BACKUP  COMPLIANCE  FILE STORE\n"
                + "lab   normal  chat.example.org  lab    -       -           -\n"
                + "\n"
                + "POOL  SERVER  HOST       PORT  ROLE\n"
                + "lab   lab1    localhost  5222  active\n");
        CliRun json = CliRun.run("", "topology", "show", "--data-dir", dataDir.toString(), "--output", "json");
        assertThat(json.out()).isEqualTo(topology);

        CliRun next = CliRun.run("", "topology", "publish", file.toString(), "--expect-version", "1");
        assertThat(next.out()).isEqualTo("published version 2 to store 'lab' (pool lab)\n");
        assertThat(current().version()).isEqualTo(2);
    }

    @Test
    @DisplayName("publish refuses a file with errors, printing its problems, and writes no store")
    void publishShouldRefuseAFileWithErrors() throws IOException {
        String broken = topology.replace("\"domain\": \"example.org\"", "\"domain\": \"-example.org\"");
        Files.writeString(file, broken);

        CliRun run = CliRun.run("", "topology", "publish", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(at(broken, "\"-example.org\"") + ": error: domain: domain '-example.org'"
                + " is not a DNS name:"
                + " expected labels of letters, digits and hyphens separated by dots, such as example.org\n"
                + file + ": 1 error, 0 warnings; not publishable\n");
        assertThat(run.err()).isEqualTo("perch: " + file + " has errors; nothing was published\n");
        assertThat(dataDir).doesNotExist();
        assertThat(CliRun.run("", "topology", "publish", file.toString(), "--expect-version", "-1").err())
                .startsWith("perch: --expect-version must be 0 (none published yet) or more, got -1\n");
    }

    @Test
    @DisplayName("publish names a PostgreSQL store whose password file is missing, and publishes nothing")
    void publishShouldNameAPostgresStoreItCannotOpen() throws IOException {
        Path missing = dataDir.resolveSibling("lab.password");
        Files.writeString(file, topology.replace("{\"kind\": \"embedded\", \"dataDir\": \"" + dataDir + "\"}",
                "{\"kind\": \"postgresql\", \"url\": \"jdbc:postgresql://db1.example.org/perch\", \"user\": \"perch\","
                        + " \"passwordFile\": \"" + missing + "\"}"));

        CliRun run = CliRun.run("", "topology", "publish", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("perch: could not open store 'lab' of pool 'lab': store 'lab': passwordFile "
                + missing + " does not exist or is not a file; nothing was published\n");
    }

    @Test
    @DisplayName("show with nothing published says so: exit 1")
    void showWithNothingPublishedShouldSaySo() {
        CliRun noDirectory = CliRun.run("", "topology", "show", "--data-dir", dataDir.toString());
        assertThat(noDirectory.exitCode()).isEqualTo(1);
        assertThat(noDirectory.err()).isEqualTo("perch: there is no store in " + dataDir + " (no server has run"
                + " there)\n");
        assertThat(dataDir).as("nothing created").doesNotExist();

        H2Store.open(dataDir).close();
        CliRun nothing = CliRun.run("", "topology", "show", "--data-dir", dataDir.toString());
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.err()).isEqualTo("perch: no topology is published to this server's store (embedded H2 in "
                + dataDir.resolve("store") + "); publish one with: perch topology publish FILE\n");
    }

    /** {@code FILE:LINE:COLUMN} of {@code text} in {@code document}, counted here to check the command's. */
    private String at(String document, String text) {
        int index = document.indexOf(text);
        String before = document.substring(0, index);
        return file + ":" + (before.chars().filter(c -> c == '\n').count() + 1) + ":"
                + (index - before.lastIndexOf('\n'));
    }

    private PublishedTopology current() {
        try (Store store = H2Store.open(dataDir)) {
            return store.topology().current().orElseThrow();
        }
    }
}
