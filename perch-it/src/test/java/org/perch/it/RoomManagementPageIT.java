package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.core.Principal;
import org.perch.store.chat.Room;
import org.perch.testing.PerchTestServer;

/**
 * The room management page in a real browser: Debian's headless Chromium, driven by Playwright
 * ({@code src/test/browser/room-management.mjs}, installed into {@code target/browser} by the build with
 * {@code npm ci}), against a real server. The script signs in, creates a room, edits it, meets a refusal and signs
 * out; this test then checks the store for what the browser did.
 */
class RoomManagementPageIT {

    private static final Path BROWSER = Path.of("target", "browser");
    private static final Path SCREENSHOT = Path.of("target", "room-management-page.png").toAbsolutePath();
    private static final long TIMEOUT_SECONDS = 180;

    static PerchTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = PerchTestServer.start(Map.of());
        for (String user : List.of("alice", "bob", "carol", "eve")) {
            server.addUser(user);
        }
        PageClient.admin(server, "POST", "/api/v1/categories", """
                {"name": "Trading", "allowedMembers": ["domain:localhost"], "deniedMembers": ["eve@localhost"],
                 "creators": ["alice@localhost"]}""");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("In Chromium a user signs in, creates a room, edits it, sees a refusal and signs out")
    void aUserShouldManageTheirRoomFromTheBrowser() throws Exception {
        Files.deleteIfExists(SCREENSHOT);

        Run run = node(Map.of(
                "PERCH_URL", "https://127.0.0.1:" + server.webPort() + "/rooms/",
                "PERCH_JID", "alice@localhost",
                "PERCH_PASSWORD", PerchTestServer.PASSWORD,
                "PERCH_CATEGORY", "Trading",
                "PERCH_MEMBER", "bob@localhost",
                "PERCH_SECOND_MEMBER", "carol@localhost",
                "PERCH_DENIED", "eve@localhost",
                "PERCH_SCREENSHOT", SCREENSHOT.toString()));

        assertThat(run.exitCode()).as("the browser script's output:%n%s", run.output()).isZero();
        assertThat(run.output()).contains("passed: every step");
        Room room = server.server().store().rooms().findByAddress("bond-desk").orElseThrow();
        assertThat(room.name()).isEqualTo("Bond Desk");
        assertThat(room.description()).isEqualTo("Bonds and gilts");
        assertThat(room.roles().managers()).containsExactly(Principal.of("alice@localhost"));
        assertThat(room.roles().members()).contains(Principal.of("bob@localhost"), Principal.of("carol@localhost"))
                .doesNotContain(Principal.of("eve@localhost"));
        assertThat(SCREENSHOT).isNotEmptyFile();
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs the browser script with node, output to a log beside the screenshot, killed if it overruns. */
    private static Run node(Map<String, String> environment) throws IOException, InterruptedException {
        assertThat(BROWSER.resolve("node_modules").resolve("playwright-core"))
                .as("the build installs playwright-core with npm ci before the integration tests").isDirectory();
        Path log = Path.of("target", "room-management-page.log");
        ProcessBuilder builder = new ProcessBuilder("node", "room-management.mjs").directory(BROWSER.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        return new Run(finished ? process.exitValue() : -1, finished ? output
                : output + "\n(killed after " + TIMEOUT_SECONDS + " s)");
    }
}
