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
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.domain.account.AccountService;
import org.perch.domain.account.LoginThrottle;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.ChatSettings;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.memory.InMemoryStore;
import org.slf4j.LoggerFactory;

/** The admin API's own behaviour: authentication, categories, errors, audit, OpenAPI. */
class AdminApiTest extends ApiTestBase {

    // ---- authentication ----

    @Test
    void aRequestWithoutCredentialsShouldBeRefusedWith401AndAChallenge() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/categories").GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic"));
        assertThat(error(response).path("code").asText()).isEqualTo("unauthorized");
    }

    @Test
    void aWrongLocalTokenShouldBeRefused() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/categories").header("Authorization",
                "Bearer " + "x".repeat(43)).GET());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void anAdministratorsPasswordShouldBeAccepted() throws Exception {
        HttpResponse<String> response = send(basic(request("/api/v1/categories"), "root@example.org", "root-secret")
                .GET());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aUserWithoutTheAdministratorRoleShouldGet403() throws Exception {
        HttpResponse<String> response = send(basic(request("/api/v1/categories"), "alice@example.org",
                "alice-secret").GET());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(error(response).path("message").asText()).contains("grant-admin");
    }

    @Test
    void repeatedWrongPasswordsShouldLockTheAccountOut() throws Exception {
        for (int i = 0; i < LoginThrottle.DEFAULT_MAX_FAILURES_PER_ACCOUNT; i++) {
            assertThat(send(basic(request("/api/v1/categories"), "root@example.org", "wrong").GET()).statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> locked = send(basic(request("/api/v1/categories"), "root@example.org", "root-secret")
                .GET());

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(error(locked).path("code").asText()).isEqualTo("locked-out");
    }

    // ---- categories ----

    @Test
    void createdCategoriesShouldBeListedAndFoundByNameWithoutRegardToCase() throws Exception {
        HttpResponse<String> created = post("/api/v1/categories", """
                {"name": "Trading", "description": "Desks", "allowedMembers": ["domain:example.org"],
                 "creators": ["alice@example.org"], "invitations": true}""");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = Json.MAPPER.readTree(created.body());
        assertThat(body.path("name").asText()).isEqualTo("Trading");
        assertThat(body.path("creators").get(0).asText()).isEqualTo("user:alice@example.org");
        assertThat(body.path("invitations").asBoolean()).isTrue();
        assertThat(body.path("chatHistory").asBoolean()).as("Lync's default").isTrue();
        assertThat(chat.categories()).extracting(Category::name).containsExactly("Trading");

        JsonNode list = Json.MAPPER.readTree(send(local("/api/v1/categories").GET()).body());
        assertThat(list.path("categories").get(0).path("id").asText()).isEqualTo(body.path("id").asText());
        HttpResponse<String> one = send(local("/api/v1/categories/trading").GET());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(one.body()).path("description").asText()).isEqualTo("Desks");
    }

    @Test
    void aSecondCategoryWithTheSameNameShouldConflict() throws Exception {
        post("/api/v1/categories", "{\"name\": \"Trading\"}");

        HttpResponse<String> again = post("/api/v1/categories", "{\"name\": \"TRADING\"}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(error(again).path("code").asText()).isEqualTo("conflict");
    }

    @Test
    void eachInvalidFieldShouldBeNamedInTheError() throws Exception {
        assertInvalid("/api/v1/categories", "{}", "name");
        assertInvalid("/api/v1/categories", "{\"name\": \"" + "n".repeat(257) + "\"}", "name");
        assertInvalid("/api/v1/categories", "{\"name\": 7}", "name");
        assertInvalid("/api/v1/categories", "{\"name\": \"A\", \"colour\": \"red\"}", "colour");
        assertInvalid("/api/v1/categories", "{\"name\": \"A\", \"invitations\": \"yes\"}", "invitations");
        assertInvalid("/api/v1/categories", "{\"name\": \"A\", \"allowedMembers\": [\"not a principal\"]}",
                "allowedMembers");
        assertInvalid("/api/v1/categories",
                "{\"name\": \"A\", \"creators\": {\"add\": [\"alice@example.org\"], \"drop\": []}}", "drop");
        assertThat(chat.categories()).isEmpty();
    }

    @Test
    void patchShouldChangeListsTheWayLyncListModifiersDo() throws Exception {
        post("/api/v1/categories", """
                {"name": "Trading", "allowedMembers": ["alice@example.org", "bob@example.org"]}""");

        HttpResponse<String> changed = patch("/api/v1/categories/Trading", """
                {"allowedMembers": {"add": ["carol@example.org"], "remove": ["bob@example.org"]},
                 "deniedMembers": ["mallory@example.org"], "description": "Desks"}""");

        assertThat(changed.statusCode()).isEqualTo(200);
        Category stored = chat.categories().getFirst();
        assertThat(stored.allowedMembers()).containsExactlyInAnyOrder(Principal.of("alice@example.org"),
                Principal.of("carol@example.org"));
        assertThat(stored.deniedMembers()).containsExactly(Principal.of("mallory@example.org"));
        assertThat(stored.description()).isEqualTo("Desks");

        patch("/api/v1/categories/Trading", "{\"allowedMembers\": null}");
        assertThat(chat.categories().getFirst().allowedMembers()).isEmpty();
    }

    @Test
    void onlyAnEmptyCategoryShouldBeDeleted() throws Exception {
        post("/api/v1/categories", "{\"name\": \"Trading\", \"creators\": [\"domain:example.org\"]}");
        Category trading = chat.categories().getFirst();
        var room = chat.createRoom(OPERATOR, trading.id(), "desk", "Desk");

        HttpResponse<String> refused = send(local("/api/v1/categories/Trading").DELETE());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(error(refused).path("message").asText()).contains("still has rooms");

        chat.deleteRoom(OPERATOR, room.id());
        assertThat(send(local("/api/v1/categories/Trading").DELETE()).statusCode()).isEqualTo(204);
        assertThat(send(local("/api/v1/categories/Trading").GET()).statusCode()).isEqualTo(404);
    }

    // ---- malformed requests ----

    @Test
    void malformedRequestsShouldGetSpecificErrors() throws Exception {
        assertThat(error(post("/api/v1/categories", "{\"name\": ")).path("code").asText()).isEqualTo("bad-request");
        assertThat(error(post("/api/v1/categories", "[1]")).path("message").asText()).contains("JSON object");
        HttpResponse<String> text = send(local("/api/v1/categories").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(text.statusCode()).isEqualTo(415);
        HttpResponse<String> huge = post("/api/v1/categories", "{\"name\": \"" + "x".repeat(AdminApi.MAX_BODY_BYTES)
                + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(send(local("/api/v1/nothing").GET()).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = send(local("/api/v1/categories").DELETE());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(error(wrongMethod).path("message").asText()).contains("GET, POST");
        assertThat(chat.categories()).isEmpty();
    }

    // ---- audit and description ----

    @Test
    void everyRequestShouldBeAuditedWithoutItsCredential() throws Exception {
        post("/api/v1/categories", "{\"name\": \"Trading\"}");
        send(basic(request("/api/v1/categories"), "root@example.org", "wrong").GET());

        List<String> lines = audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("who=operator(example.org)", "POST /api/v1/categories", "status=201");
        assertThat(lines.get(1)).contains("who=-", "status=401", "outcome=unauthorized");
        assertThat(String.join("\n", lines)).doesNotContain(TOKEN, "wrong", "Basic");
    }

    @Test
    void theOpenApiDocumentShouldBeServedWithoutCredentialsAndDescribeEveryRoute() throws Exception {
        HttpResponse<String> response = send(request(AdminApi.OPENAPI_PATH).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = Json.MAPPER.readTree(response.body()).path("paths");
        for (Routes.Route route : AdminApi.routes(new AdminServices(chat, store.accounts(),
                LoginThrottle.withDefaults(Clock.systemUTC()), OPERATOR, TOKEN, compliance)).all()) {
            assertThat(paths.path(route.template()).has(route.method().toLowerCase(java.util.Locale.ROOT)))
                    .as(route.method() + " " + route.template()).isTrue();
        }
    }
}
