package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.store.chat.Category;
import org.perch.testing.PerchTestServer;

/**
 * {@code perch category …} as an operator runs it: a separate process on the server's machine, with the server's
 * configuration (here through {@code PERCH_*} variables), talking to the running server's admin API.
 */
class CategoryCommandsIT {

    static PerchTestServer server;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void start() {
        server = PerchTestServer.start(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("new, set, get and remove change the running server's categories")
    void theCommandsShouldManageCategories() throws Exception {
        Run created = perch("category", "new", "--name", "Trading Desks", "--description", "Desks",
                "--enable-invitations");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("created category Trading Desks\n");
        assertThat(category("trading desks").flags().invitations()).isTrue();

        Run set = perch("category", "set", "--identity", "trading desks", "--allowed-members",
                "domain:localhost", "--creators", "add=alice@localhost,bob@localhost", "--creators",
                "remove=bob@localhost", "--chat-history", "false");
        assertThat(set.exitCode()).as(set.err()).isZero();
        Category changed = category("trading desks");
        assertThat(changed.allowedMembers()).containsExactly(Principal.of("domain:localhost"));
        assertThat(changed.creators()).containsExactly(Principal.user(Jid.of("alice@localhost")));
        assertThat(changed.flags().chatHistory()).isFalse();

        Run table = perch("category", "get");
        assertThat(table.out()).startsWith("NAME").contains("Trading Desks", "domain:localhost",
                "user:alice@localhost");
        Run json = perch("category", "get", "--identity", "Trading Desks", "--output", "json");
        assertThat(json.out()).contains("\"name\" : \"Trading Desks\"", "\"chatHistory\" : false");

        Run removed = perch("category", "remove", "--identity", "Trading Desks");
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(server.server().store().categories().findByName("Trading Desks")).isEmpty();
    }

    @Test
    @DisplayName("refusals name what is wrong and exit with 1; a usage error exits with 2")
    void refusalsShouldBeClear() throws Exception {
        Run missing = perch("category", "remove", "--identity", "Nowhere");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("perch: no category named 'Nowhere'\n");

        Run general = perch("category", "remove", "--identity", "General");
        assertThat(general.exitCode()).as("the bootstrap category is empty, so it goes").isZero();

        Run tooLong = perch("category", "new", "--name", "n".repeat(300));
        assertThat(tooLong.exitCode()).isEqualTo(1);
        assertThat(tooLong.err()).contains("at most 256", "(name)");

        Run both = perch("category", "set", "--identity", "x", "--creators", "a@localhost", "--creators",
                "add=b@localhost");
        assertThat(both.exitCode()).isEqualTo(1);
        assertThat(both.err()).contains("not both");

        Run noName = perch("category", "new");
        assertThat(noName.exitCode()).isEqualTo(2);
        assertThat(noName.err()).contains("--name");
    }

    @Test
    @DisplayName("without a running server the command says so")
    void aStoppedServerShouldBeReported() throws Exception {
        Run run = perchWith(Map.of("PERCH_ADMIN_PORT", "1"), "category", "get");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot reach the admin API", "is the server running?");
    }

    private static Category category(String name) {
        return server.server().store().categories().findByName(name).orElseThrow();
    }

    private static Run perch(String... args) throws IOException, InterruptedException {
        return perchWith(Map.of(), args);
    }

    private static Run perchWith(Map<String, String> extra, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "org.perch.cli.PerchCli"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PERCH_DATA_DIR", server.dataDir().toString());
        builder.environment().put("PERCH_DOMAIN", "localhost");
        builder.environment().put("PERCH_ADMIN_PORT", String.valueOf(server.server().adminPort()));
        builder.environment().putAll(extra);
        // Standard error to a file, so that neither stream can fill its pipe while the other is read.
        Path err = Files.createTempFile(server.dataDir(), "perch-err", ".txt");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
