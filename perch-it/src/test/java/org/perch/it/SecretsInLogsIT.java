package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.parts.Localpart;
import org.perch.admin.LocalCredential;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * Issue 9: no secret in any log line. With every logger at DEBUG (Perch's at TRACE), a server is put through what
 * handles secrets: logins that work and logins that fail (SCRAM and PLAIN), in-band registration and a password
 * change, the admin API with a right and a wrong password and with the local token, the room management page, and
 * a pool server on PostgreSQL whose database password is in a file. Then no line may hold any of the secrets used,
 * nor their encodings on the wire (PLAIN's and HTTP Basic's base64), nor a piece of the server's private key.
 */
class SecretsInLogsIT {

    @TempDir
    Path work;

    @RegisterExtension
    final Opened opened = new Opened();

    private final List<String> secrets = new ArrayList<>();

    @Test
    void noSecretShouldAppearInAnyLogLine() throws Exception {
        List<String> lines;
        try (LogCapture logs = new LogCapture()) {
            exerciseAccountsAndLogins();
            exerciseAPool();
            lines = logs.lines();
        }

        assertThat(lines).as("the run logged enough to be worth scanning").hasSizeGreaterThan(100);
        assertThat(lines).as("failed logins are logged, without their password")
                .anyMatch(l -> l.contains("alice@localhost") && l.toLowerCase().contains("fail"));
        for (String secret : secrets) {
            assertThat(lines).as("no log line holds a secret (" + secret.length() + " characters, starting "
                    + secret.substring(0, 3) + ")").noneMatch(line -> line.contains(secret));
        }
    }

    private void exerciseAccountsAndLogins() throws Exception {
        PerchTestServer server = opened.add(PerchTestServer.start(Map.of("registration.enabled", "true")));
        String alice = secret("alice");
        String root = secret("root");
        server.addUser("alice", alice, false);
        server.addUser("root", root, true);
        secrets.add(Files.readString(LocalCredential.file(server.dataDir())).strip());
        secrets.add(privateKeyPiece(server.dataDir()));

        opened.add(SmackClients.login(SmackClients.starttls(server), "alice", alice, "scram"));
        opened.add(SmackClients.login(SmackClients.starttls(server).addEnabledSaslMechanism("PLAIN"), "alice", alice,
                "plain"));
        secrets.add(base64("\0alice\0" + alice));
        String wrong = secret("wrong");
        for (String mechanism : List.of("SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN")) {
            assertThatThrownBy(() -> SmackClients.login(SmackClients.starttls(server)
                    .addEnabledSaslMechanism(mechanism), "alice", wrong, "bad")).as(mechanism)
                    .isInstanceOf(IllegalStateException.class);
        }
        secrets.add(base64("\0alice\0" + wrong));

        registerAndChangePassword(server);
        adminApi(server, root);
        roomPage(server, alice);
    }

    private void registerAndChangePassword(PerchTestServer server) throws Exception {
        String first = secret("registered");
        String second = secret("changed");
        XMPPTCPConnection anonymous = new XMPPTCPConnection(SmackClients.starttls(server).build());
        try {
            anonymous.connect();
            AccountManager.getInstance(anonymous).createAccount(Localpart.from("selfmade"), first);
        } finally {
            anonymous.disconnect();
        }
        XMPPTCPConnection selfmade = SmackClients.login(SmackClients.starttls(server), "selfmade", first, "r");
        try {
            AccountManager.getInstance(selfmade).changePassword(second);
        } finally {
            selfmade.disconnect();
        }
        opened.add(SmackClients.login(SmackClients.starttls(server), "selfmade", second, "again"));
    }

    private void adminApi(PerchTestServer server, String root) throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(server.sslContext()).build();
        String wrong = secret("wrong-admin");
        String token = LocalCredential.read(server.dataDir());
        Map<String, Integer> expected = Map.of("Basic " + base64("root@localhost:" + root), 200,
                "Basic " + base64("root@localhost:" + wrong), 401, "Bearer " + token, 200,
                "Bearer " + token + "x", 401);
        for (Map.Entry<String, Integer> credential : expected.entrySet()) {
            HttpResponse<Void> response = https.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                    + server.server().adminPort() + "/api/v1/categories")).header("Authorization", credential.getKey())
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(credential.getValue());
            secrets.add(credential.getKey().substring(credential.getKey().indexOf(' ') + 1));
        }
    }

    private void roomPage(PerchTestServer server, String alice) throws Exception {
        PageClient page = new PageClient(server).signIn("alice@localhost", alice);
        assertThat(page.send("GET", "/rooms/api/rooms", null).statusCode()).isEqualTo(200);
        String wrong = secret("wrong-page");
        assertThat(new PageClient(server).send("POST", "/rooms/api/session", "{\"jid\": \"alice@localhost\","
                + " \"password\": \"" + wrong + "\"}").statusCode()).isEqualTo(401);
    }

    private void exerciseAPool() throws Exception {
        PostgresPool pool = PostgresPool.publish(work, Optional.empty(), PostgresPool.server("fe1", 1, "active"));
        secrets.add(pool.database().password());
        PerchTestServer fe1 = opened.add(pool.start("fe1"));
        String bob = secret("bob");
        fe1.addUser("bob", bob, false);
        opened.add(SmackClients.login(SmackClients.starttls(fe1), "bob", bob, "pool"));
        String wrong = secret("wrong-pool");
        assertThatThrownBy(() -> SmackClients.login(SmackClients.starttls(fe1), "bob", wrong, "bad"))
                .isInstanceOf(IllegalStateException.class);
    }

    /** A password no other text could contain by chance, remembered to be looked for. */
    private String secret(String what) {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String secret = what + "-" + HexFormat.of().formatHex(random);
        secrets.add(secret);
        return secret;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A line from the middle of the server's PEM private key. */
    private static String privateKeyPiece(Path dataDir) throws Exception {
        try (Stream<Path> files = Files.walk(dataDir.resolve("tls"))) {
            Path key = files.filter(f -> f.toString().endsWith(".pem") || f.toString().endsWith(".key"))
                    .filter(f -> readQuietly(f).contains("PRIVATE KEY")).findFirst().orElseThrow(() ->
                            new AssertionError("no private key file under " + dataDir.resolve("tls")));
            List<String> body = Files.readAllLines(key).stream().filter(l -> !l.startsWith("-----")).toList();
            return body.get(body.size() / 2);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
