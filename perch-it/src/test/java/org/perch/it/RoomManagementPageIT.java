package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.store.chat.Room;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * The room management page in a real browser: Debian's headless Chromium, driven by Playwright
 * ({@code src/test/browser/room-management.mjs}, installed into {@code target/browser} by the build with
 * {@code npm ci}), against a real server. The script signs in, creates a room, edits it, meets a refusal, makes a
 * topic-feed filter, waits in "My feed" for a matching post (which this test makes from Bob's Smack client once the
 * script says it is waiting) and signs out; this test then checks the store for what the browser did.
 */
class RoomManagementPageIT {

    private static final Path BROWSER = Path.of("target", "browser");
    private static final Path SCREENSHOT = Path.of("target", "room-management-page.png").toAbsolutePath();
    private static final long TIMEOUT_SECONDS = 180;
    private static final Path LOG = Path.of("target", "room-management-page.log");
    /** The step after which the script waits for the post; the post is made only then, or the filter would miss it. */
    private static final String WAITING_FOR_POST = "step: wait for the post in my feed";
    private static final String MATCHING_POST = "The AUCTION for Bond Desk opens at ten";

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
    @DisplayName("In Chromium a user signs in, creates a room, edits it, sees a refusal, follows a topic in their feed"
            + " and signs out")
    void aUserShouldManageTheirRoomFromTheBrowser() throws Exception {
        Files.deleteIfExists(SCREENSHOT);

        Process script = node(Map.of(
                "PERCH_URL", "https://127.0.0.1:" + server.webPort() + "/rooms/",
                "PERCH_JID", "alice@localhost",
                "PERCH_PASSWORD", PerchTestServer.PASSWORD,
                "PERCH_CATEGORY", "Trading",
                "PERCH_MEMBER", "bob@localhost",
                "PERCH_SECOND_MEMBER", "carol@localhost",
                "PERCH_DENIED", "eve@localhost",
                "PERCH_MATCHING_POST", MATCHING_POST,
                "PERCH_SCREENSHOT", SCREENSHOT.toString()));
        if (reachesStep(script, WAITING_FOR_POST)) {
            postAsBob(MATCHING_POST);
        }
        Run run = finish(script);

        assertThat(run.exitCode()).as("the browser script's output:%n%s", run.output()).isZero();
        assertThat(run.output()).contains("passed: every step");
        Room room = server.server().store().rooms().findByAddress("bond-desk").orElseThrow();
        assertThat(room.name()).isEqualTo("Bond Desk");
        assertThat(room.description()).isEqualTo("Bonds and gilts");
        assertThat(room.roles().managers()).containsExactly(Principal.of("alice@localhost"));
        assertThat(room.roles().members()).contains(Principal.of("bob@localhost"), Principal.of("carol@localhost"))
                .doesNotContain(Principal.of("eve@localhost"));
        assertThat(SCREENSHOT).isNotEmptyFile();
        assertThat(server.server().store().topicFeeds().filters(Jid.of("alice@localhost"))).singleElement()
                .satisfies(filter -> {
                    assertThat(filter.name()).isEqualTo("Auctions");
                    assertThat(filter.keywords()).containsExactly("auction");
                    assertThat(filter.rooms()).containsExactly(room.id());
                    assertThat(filter.alert()).isTrue();
                });
    }

    /** Bob posts in the room Alice made on the page, from his own client: her filter is to match it. */
    private static void postAsBob(String text) throws Exception {
        XMPPTCPConnection bob = SmackClients.login(server, "bob", "desk");
        try {
            MultiUserChat room = MultiUserChatManager.getInstanceFor(bob)
                    .getMultiUserChat(JidCreate.entityBareFrom("bond-desk@chat.localhost"));
            room.join(Resourcepart.from("bob"));
            room.sendMessage(text);
        } finally {
            bob.disconnect();
        }
    }

    private record Run(int exitCode, String output) {
    }

    /** Starts the browser script with node, output to a log beside the screenshot. */
    private static Process node(Map<String, String> environment) throws IOException {
        assertThat(BROWSER.resolve("node_modules").resolve("playwright-core"))
                .as("the build installs playwright-core with npm ci before the integration tests").isDirectory();
        Files.deleteIfExists(LOG);
        ProcessBuilder builder = new ProcessBuilder("node", "room-management.mjs").directory(BROWSER.toFile())
                .redirectErrorStream(true).redirectOutput(LOG.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /** Whether the script prints the step while still running; false if it ended first, killed if it overruns. */
    private static boolean reachesStep(Process process, String step) throws InterruptedException {
        try {
            await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS)).until(() -> !process.isAlive()
                    || Files.readString(LOG, StandardCharsets.UTF_8).contains(step));
        } catch (ConditionTimeoutException e) {
            kill(process);
            throw new AssertionError("the browser script did not reach \"" + step + "\" in " + TIMEOUT_SECONDS
                    + " s; its output is in " + LOG, e);
        }
        return process.isAlive();
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
    }

    /** Waits for the script to end, killing it if it overruns, and returns how it ended with its output. */
    private static Run finish(Process process) throws IOException, InterruptedException {
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            kill(process);
        }
        String output = Files.readString(LOG, StandardCharsets.UTF_8);
        return new Run(finished ? process.exitValue() : -1, finished ? output
                : output + "\n(killed after " + TIMEOUT_SECONDS + " s)");
    }
}
