package org.perch.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.domain.account.AccountService;

/** Get-CsPersistentChatEligiblePrincipal: {@code GET …/eligible-principals} on a category and on a room. */
class EligiblePrincipalApiTest extends ApiTestBase {

    @BeforeEach
    void scope() throws Exception {
        AccountService accounts = new AccountService(store.accounts(), 4096, new SecureRandom(), Clock.systemUTC());
        for (String user : List.of("bob@example.org", "eve@example.org", "mallory@elsewhere.net")) {
            accounts.add(Jid.of(user), "password");
        }
        post("/api/v1/categories", """
                {"name": "Trading", "allowedMembers": ["domain:example.org"], "deniedMembers": ["eve@example.org"]}""");
        post("/api/v1/rooms", "{\"name\": \"Desk\", \"category\": \"Trading\"}");
        post("/api/v1/rooms", "{\"name\": \"Town Hall\", \"category\": \"Trading\", \"type\": \"auditorium\"}");
    }

    @Test
    void aCategoryShouldListTheAccountsItsScopeIncludes() throws Exception {
        HttpResponse<String> response = send(local("/api/v1/categories/trading/eligible-principals").GET());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode first = Json.MAPPER.readTree(response.body()).path("principals").path(0);
        assertThat(first.path("jid").asText()).isEqualTo("alice@example.org");
        assertThat(first.path("type").asText()).isEqualTo("user");
        assertThat(jids("/api/v1/categories/Trading/eligible-principals"))
                .as("root and Eve are in example.org, Eve denied; mallory is elsewhere")
                .containsExactly("alice@example.org", "bob@example.org", "root@example.org");
    }

    @Test
    void filterAndResultSizeShouldNarrowTheList() throws Exception {
        assertThat(jids("/api/v1/categories/Trading/eligible-principals?filter=*O*")).containsExactly(
                "alice@example.org", "bob@example.org", "root@example.org");
        assertThat(jids("/api/v1/categories/Trading/eligible-principals?filter=b*")).containsExactly(
                "bob@example.org");
        assertThat(jids("/api/v1/categories/Trading/eligible-principals?resultSize=2")).containsExactly(
                "alice@example.org", "bob@example.org");
    }

    @Test
    void aRoomShouldListItsCategorysPrincipalsAndAnAuditoriumItsPresenters() throws Exception {
        assertThat(jids("/api/v1/rooms/desk/eligible-principals?filter=*@example.org")).containsExactly(
                "alice@example.org", "bob@example.org", "root@example.org");
        assertThat(jids("/api/v1/rooms/town%20hall/eligible-principals?presenters=true&resultSize=1"))
                .containsExactly("alice@example.org");
    }

    @Test
    void eachInvalidParameterShouldBeNamedAndMissingObjectsShouldBeNotFound() throws Exception {
        assertInvalid("/api/v1/categories/Trading/eligible-principals?filter=", "filter");
        assertInvalid("/api/v1/categories/Trading/eligible-principals?resultSize=-1", "resultSize");
        assertInvalid("/api/v1/categories/Trading/eligible-principals?resultSize=ten", "resultSize");
        assertInvalid("/api/v1/categories/Trading/eligible-principals?presenters=true", "presenters");
        assertInvalid("/api/v1/rooms/Desk/eligible-principals?presenters=yes", "presenters");
        HttpResponse<String> normal = assertInvalid("/api/v1/rooms/Desk/eligible-principals?presenters=true",
                "presenters");
        assertThat(error(normal).path("message").asText()).contains("only Auditorium rooms have presenters");
        assertThat(send(local("/api/v1/categories/Nowhere/eligible-principals").GET()).statusCode()).isEqualTo(404);
        assertThat(send(local("/api/v1/rooms/Nowhere/eligible-principals").GET()).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> assertInvalid(String path, String field) throws Exception {
        HttpResponse<String> response = send(local(path).GET());
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(error(response).path("code").asText()).isEqualTo("invalid");
        assertThat(error(response).path("field").asText()).as(path).isEqualTo(field);
        return response;
    }

    private List<String> jids(String path) throws Exception {
        HttpResponse<String> response = send(local(path).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> jids = new ArrayList<>();
        Json.MAPPER.readTree(response.body()).path("principals").forEach(p -> jids.add(p.path("jid").asText()));
        return jids;
    }
}
