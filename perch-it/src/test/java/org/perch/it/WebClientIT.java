package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;
import org.perch.testing.SmackClients;

/**
 * The web client in a real browser: Debian's headless Chromium, driven by Playwright
 * ({@code src/test/browser/web-client.mjs}, installed into {@code target/browser} by the build with {@code npm ci}),
 * opens {@code https://localhost:<http port>/} (the domain, as users would: file links are on that origin), where
 * the server serves Converse.js beside its WebSocket. Alice follows a room before she signs in; the client joins it
 * and lists it among her bookmarks; she opens its add-in and posts; bob, in a second session (Smack, from here), sees
 * her message and answers, and the page must show his answer as it arrives. Carol joins a room whose category allows
 * files by its name, posts a file, and downloads the same bytes through the link the page shows her.
 */
class WebClientIT {

    private static final Path BROWSER = Path.of("target", "browser");
    private static final long TIMEOUT_SECONDS = 180;
    private static final String ROOM = "planning";
    /** A room whose category allows files: "General", where {@link #ROOM} is, does not (Lync's default). */
    private static final String FILES_ROOM = "minutes";
    private static final String ADDIN_URL = "https://addins.example.org/ticker";
    private static final String MESSAGE = "Agenda: the bond auction";
    private static final String REPLY = "Bob here: I have the figures";

    static PerchTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = PerchTestServer.start(Map.of());
        server.addUser("alice");
        server.addUser("bob");
        server.addUser("carol");
        PageClient.admin(server, "POST", "/api/v1/addins", "{\"name\": \"Ticker\", \"url\": \"" + ADDIN_URL + "\"}");
        PageClient.admin(server, "POST", "/api/v1/rooms", """
                {"name": "Planning", "category": "General", "privacy": "open", "addin": "Ticker"}""");
        PageClient.admin(server, "POST", "/api/v1/categories", """
                {"name": "Files", "allowedMembers": ["domain:localhost"], "fileUpload": true}""");
        PageClient.admin(server, "POST", "/api/v1/rooms", """
                {"name": "Minutes", "category": "Files", "privacy": "open"}""");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("In Chromium a user signs in to the room they follow, opens its add-in, posts, and sees an answer")
    void aUserShouldChatInARoomFromTheBrowser() throws Exception {
        follow("alice", ROOM + "@chat.localhost", "Planning");
        XMPPTCPConnection bob = SmackClients.login(server, "bob", "desk");
        try {
            MultiUserChat room = MultiUserChatManager.getInstanceFor(bob)
                    .getMultiUserChat(JidCreate.entityBareFrom(ROOM + "@chat.localhost"));
            BlockingQueue<Message> bobSees = new LinkedBlockingQueue<>();
            room.addMessageListener(bobSees::add);
            room.join(Resourcepart.from("bob"));

            Run run = node("chat", "alice", ROOM, line -> {
                if (line.equals("waiting: second session")) {
                    Message fromAlice = nextWithBody(bobSees);
                    assertThat(fromAlice.getBody()).isEqualTo(MESSAGE);
                    assertThat(fromAlice.getFrom().getResourceOrEmpty().toString()).isEqualTo("alice");
                    room.sendMessage(REPLY);
                }
            });

            assertThat(run.exitCode()).as("the browser script's output:%n%s", run.output()).isZero();
            assertThat(run.output()).contains("step: see the followed room joined",
                    "step: see the followed room among the bookmarks", "step: see the add-in link",
                    "step: open the add-in", "passed: every step");
        } finally {
            bob.disconnect();
        }
    }

    @Test
    @DisplayName("In Chromium a user uploads a file into a room and the message links to it on this origin")
    void aUserShouldUploadAFileFromTheBrowser() throws Exception {
        Run run = node("upload", "carol", FILES_ROOM, line -> { });

        assertThat(run.exitCode()).as("the browser script's output:%n%s", run.output()).isZero();
        assertThat(run.output()).contains("step: upload a file", "step: download the file through its link",
                "passed: every step");
    }

    /**
     * The user follows the room as any XEP-0402 client would have it (a bookmark with autojoin and the user's name
     * as nickname), from a session of their own before the browser signs in.
     */
    private static void follow(String user, String roomJid, String name) {
        RawXmppClient client = PepClients.login(server, user, "desk");
        try {
            client.send(PepClients.publish("follow1", PepClients.BOOKMARKS, roomJid, "<conference xmlns='"
                    + PepClients.BOOKMARKS + "' name='" + name + "' autojoin='true'><nick>" + user
                    + "</nick></conference>", PepClients.PRIVATE));
            assertThat(PepClients.reply(client, "follow1")).contains("type=\"result\"");
        } finally {
            client.close();
        }
    }

    private static Message nextWithBody(BlockingQueue<Message> messages) throws InterruptedException {
        while (true) {
            Message m = messages.poll(60, TimeUnit.SECONDS);
            assertThat(m).as("bob should receive alice's message from the browser").isNotNull();
            if (m.getBody() != null) {
                return m;
            }
        }
    }

    private record Run(int exitCode, String output) {
    }

    /** What the test does when the script prints a line; runs on the thread that reads the script's output. */
    private interface LineHandler {
        void on(String line) throws Exception;
    }

    /** Runs the browser script with node, its output to a log and to {@code handler}, killed if it overruns. */
    private static Run node(String steps, String user, String room, LineHandler handler) throws Exception {
        assertThat(BROWSER.resolve("node_modules").resolve("playwright-core"))
                .as("the build installs playwright-core with npm ci before the integration tests").isDirectory();
        Path log = Path.of("target", "web-client-" + steps + ".log");
        Map<String, String> environment = new HashMap<>(Map.of(
                "PERCH_URL", "https://localhost:" + server.httpPort() + "/",
                "PERCH_USER", user,
                "PERCH_PASSWORD", PerchTestServer.PASSWORD,
                "PERCH_ROOM", room,
                "PERCH_ADDIN_NAME", "Ticker",
                "PERCH_ADDIN_URL", ADDIN_URL,
                "PERCH_MESSAGE", MESSAGE,
                "PERCH_REPLY", REPLY,
                "PERCH_STEPS", steps));
        environment.put("PERCH_SCREENSHOT", Path.of("target", "web-client-" + steps + ".png").toAbsolutePath()
                .toString());
        ProcessBuilder builder = new ProcessBuilder("node", "web-client.mjs").directory(BROWSER.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> read(process, handler, output, log));
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        reader.join();
        synchronized (output) {
            return new Run(finished ? process.exitValue() : -1, finished ? output.toString()
                    : output + "\n(killed after " + TIMEOUT_SECONDS + " s)");
        }
    }

    private static void read(Process process, LineHandler handler, StringBuilder output, Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); Writer file = Files.newBufferedWriter(log)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                file.write(line + "\n");
                file.flush();
                try {
                    handler.on(line);
                } catch (Exception | AssertionError e) {
                    synchronized (output) {
                        output.append("(the test's second session failed: ").append(e).append(")\n");
                    }
                }
            }
        } catch (IOException e) {
            synchronized (output) {
                output.append("(could not read the script's output: ").append(e).append(")\n");
            }
        }
    }
}
