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
import org.perch.testing.PerchTestServer;

/**
 * Runs {@code perch} as an operator does: a separate process on the server's machine, with the server's
 * configuration (here through {@code PERCH_*} variables), talking to the running server's admin API.
 */
record PerchCommand(int exitCode, String out, String err) {

    static PerchCommand run(PerchTestServer server, String... args) throws IOException, InterruptedException {
        return runWith(server, Map.of(), args);
    }

    static PerchCommand runWith(PerchTestServer server, Map<String, String> extra, String... args)
            throws IOException, InterruptedException {
        return runOn(server.dataDir(), server.server().adminPort(), extra, args);
    }

    /** Runs {@code perch} on a data directory whose server may be stopped; its admin port as configured. */
    static PerchCommand runOn(Path dataDir, int adminPort, Map<String, String> extra, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "org.perch.cli.PerchCli"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PERCH_DATA_DIR", dataDir.toString());
        builder.environment().put("PERCH_DOMAIN", "localhost");
        builder.environment().put("PERCH_ADMIN_PORT", String.valueOf(adminPort));
        builder.environment().putAll(extra);
        // Standard error to a file, so that neither stream can fill its pipe while the other is read. Not in the
        // data directory: an import's may not exist yet.
        Path err = Files.createTempFile("perch-err", ".txt");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        // A failback waits for servers, a replay and a promotion: minutes at worst, never forever.
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        Files.delete(err);
        return new PerchCommand(process.exitValue(), new String(out, StandardCharsets.UTF_8), errors);
    }
}
