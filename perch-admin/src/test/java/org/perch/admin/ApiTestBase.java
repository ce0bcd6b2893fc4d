package org.perch.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perch.compliance.ComplianceRuntime;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.domain.account.AccountService;
import org.perch.domain.account.LoginThrottle;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.ChatSettings;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.memory.InMemoryComplianceRecord;
import org.perch.store.memory.InMemoryStore;
import org.slf4j.LoggerFactory;

/** An admin API on real HTTP on loopback over an in-memory store, with root (an administrator) and alice. */
abstract class ApiTestBase {

    static final Jid OPERATOR = Jid.domainOnly("example.org");
    static final String TOKEN = "t".repeat(43);

    final Store store = new InMemoryStore();
    final ChatRooms chat = new ChatRooms(store, ChatSettings.DEFAULTS, Clock.systemUTC(), e -> { }, OPERATOR);
    final HttpClient http = HttpClient.newHttpClient();
    final ListAppender<ILoggingEvent> audit = new ListAppender<>();
    final ComplianceRuntime compliance = new ComplianceRuntime(store.complianceConfiguration(), store.outbox(),
            InMemoryComplianceRecord::new, chat.compliance()::enable, "example.org", "chat.example.org",
            Clock.systemUTC(), Duration.ofMillis(100));
    AdminApi api;

    @BeforeEach
    void start() {
        AccountService accounts = new AccountService(store.accounts(), 4096, new SecureRandom(), Clock.systemUTC());
        accounts.add(Jid.of("root@example.org"), "root-secret");
        accounts.grantAdmin(Jid.of("root@example.org"));
        accounts.add(Jid.of("alice@example.org"), "alice-secret");
        api = AdminApi.start("127.0.0.1", 0, Optional.empty(), new AdminServices(chat, store.accounts(),
                LoginThrottle.withDefaults(Clock.systemUTC()), OPERATOR, TOKEN, compliance));
        audit.start();
        ((Logger) LoggerFactory.getLogger(AuditLog.LOGGER)).addAppender(audit);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(AuditLog.LOGGER)).detachAppender(audit);
        api.close();
        compliance.close();
    }

    // ---- helpers ----

    void assertInvalid(String path, String body, String field) throws Exception {
        HttpResponse<String> response = post(path, body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(error(response).path("code").asText()).isEqualTo("invalid");
        assertThat(error(response).path("field").asText()).as(body).endsWith(field);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
    }

    HttpRequest.Builder local(String path) {
        return request(path).header("Authorization", "Bearer " + TOKEN);
    }

    static HttpRequest.Builder basic(HttpRequest.Builder request, String user, String password) {
        return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(local(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> patch(String path, String json) throws IOException, InterruptedException {
        return send(local(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode error(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body()).path("error");
    }
}
