package org.perch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.chat.Room;
import org.perch.store.h2.H2Store;

/** {@code perch data export|import} in-process, on H2 data directories (the round trip itself is perch-chat-data's). */
class DataCommandsTest {

    @TempDir
    Path tmp;
    private Path source;
    private Path file;

    @BeforeEach
    void setUp() {
        source = tmp.resolve("source");
        file = tmp.resolve("chat.jsonl");
        try (Store store = H2Store.open(source)) {
            Category category = Category.named("Trading");
            store.categories().create(category);
            store.rooms().create(Room.create("bond-desk", category.id(), "Bond Desk"));
        }
    }

    @Test
    @DisplayName("export, then import into a new data directory, report what they did")
    void exportAndImportShouldReportWhatTheyDid() {
        CliRun exported = perch(source, "data", "export", "--file", file.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).isEqualTo("exported 0 configurations, 1 policy, 0 policy grants, 1 category,"
                + " 0 add-ins, 1 room, 0 messages to " + file + "\n");

        Path target = tmp.resolve("target");
        CliRun whatIf = perch(target, "data", "import", "--file", file.toString(), "--what-if");
        assertThat(whatIf.out()).startsWith("would import 0 configurations, 1 policy, 0 policy grants, 1 category").endsWith("(nothing was"
                + " written)\n");
        CliRun imported = perch(target, "data", "import", "--file", file.toString(), "--output", "json");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("\"level\" : \"full\"", "\"room\" : 1", "\"message\" : 0");
        try (Store store = H2Store.open(target)) {
            assertThat(store.rooms().findByAddress("bond-desk")).isPresent();
        }
    }

    @Test
    @DisplayName("an existing file is kept unless --force; a bad --since is a usage error")
    void exportRefusalsShouldBeClear() throws IOException {
        Files.writeString(file, "keep");
        CliRun exists = perch(source, "data", "export", "--file", file.toString());
        assertThat(exists.exitCode()).isEqualTo(1);
        assertThat(exists.err()).isEqualTo("perch: " + file + " already exists; give --force to overwrite it\n");
        assertThat(perch(source, "data", "export", "--file", file.toString(), "--force").exitCode()).isZero();

        CliRun badDate = perch(source, "data", "export", "--file", "x.jsonl", "--since", "31/01/2026");
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("'31/01/2026' is neither YYYY-MM-DD nor an instant");
        CliRun noHistory = perch(source, "data", "export", "--file", "x.jsonl", "--level", "configuration",
                "--since", "2026-01-31");
        assertThat(noHistory.exitCode()).isEqualTo(2);
        assertThat(noHistory.err()).contains("--since needs --level full");
        CliRun noDir = perch(tmp.resolve("nowhere"), "data", "export", "--file", "x.jsonl");
        assertThat(noDir.err()).isEqualTo("perch: no data directory " + tmp.resolve("nowhere")
                + ": nothing to export\n");
    }

    @Test
    @DisplayName("import refuses while a server answers on the admin port, and refuses a store with data")
    void importRefusalsShouldBeClear() throws IOException {
        assertThat(perch(source, "data", "export", "--file", file.toString()).exitCode()).isZero();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun running = CliRun.runWith(Map.of("PERCH_DATA_DIR", tmp.resolve("target").toString(),
                    "PERCH_ADMIN_PORT", String.valueOf(server.getLocalPort())), "", "data", "import", "--file",
                    file.toString());
            assertThat(running.exitCode()).isEqualTo(1);
            assertThat(running.err()).isEqualTo("perch: a server answers on the admin port 127.0.0.1:"
                    + server.getLocalPort() + ": stop the server first (an import writes into a stopped server's"
                    + " store)\n");
        }

        CliRun full = perch(source, "data", "import", "--file", file.toString());
        assertThat(full.exitCode()).isEqualTo(1);
        assertThat(full.err()).isEqualTo("perch: the store already holds Persistent Chat data (1 category, 1 room);"
                + " an import restores into an empty store only: import into a new data directory\n");
    }

    @Test
    @DisplayName("a file of a newer schema is refused before the store is touched")
    void aNewerSchemaShouldBeRefusedBeforeTheStoreIsOpened() throws IOException {
        Files.writeString(file, "{\"format\":\"perch-chat-data\",\"schema\":7}\n");
        Path target = tmp.resolve("untouched");

        CliRun run = perch(target, "data", "import", "--file", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("perch: this file has schema 7; this Perch reads schema 1 and older:"
                + " upgrade Perch to import it\n");
        assertThat(target).doesNotExist();
    }

    private static CliRun perch(Path dataDir, String... args) {
        // The admin API off: no server to find, whatever listens on this machine's default port.
        return CliRun.runWith(Map.of("PERCH_DATA_DIR", dataDir.toString(), "PERCH_ADMIN_PORT", "-1"), "", args);
    }
}
