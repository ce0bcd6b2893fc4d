package org.perch.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.store.chat.ChatPolicy;
import org.perch.store.chat.PolicyIdentity;

/** Policies through the admin API: New-, Set-, Get-, Remove- and Grant-CsPersistentChatPolicy. */
class PolicyApiTest extends ApiTestBase {

    private static final Jid ALICE = Jid.of("alice@example.org");

    @Test
    void theGlobalPolicyShouldStartWithPersistentChatOffAndBeTurnedOn() throws Exception {
        JsonNode listed = json(send(local("/api/v1/policies").GET()));
        assertThat(listed.path("policies")).hasSize(1);
        assertThat(listed.path("policies").get(0).path("identity").asText()).isEqualTo("global");
        assertThat(listed.path("policies").get(0).path("enablePersistentChat").asBoolean()).isFalse();
        assertThat(chat.persistentChatEnabled(ALICE)).isFalse();

        HttpResponse<String> on = patch("/api/v1/policies/global", "{\"enablePersistentChat\": true,"
                + " \"description\": \"everyone\"}");

        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(json(on).path("scope").asText()).isEqualTo("global");
        assertThat(chat.persistentChatEnabled(ALICE)).isTrue();
        assertThat(send(local("/api/v1/policies/global").DELETE()).statusCode()).isEqualTo(204);
        assertThat(chat.policy(PolicyIdentity.GLOBAL)).contains(ChatPolicy.GLOBAL_DEFAULT);
    }

    @Test
    void aPerUserPolicyShouldBeCreatedGrantedAndShownAsTheAccountsPolicy() throws Exception {
        HttpResponse<String> created = post("/api/v1/policies", "{\"identity\": \"Traders\","
                + " \"enablePersistentChat\": true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).path("identity").asText()).isEqualTo("tag:Traders");
        assertThat(json(created).path("scope").asText()).isEqualTo("user");

        HttpResponse<String> granted = put("/api/v1/users/alice@example.org/policy", "{\"policy\": \"traders\"}");

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(json(granted).path("granted").asText()).isEqualTo("tag:Traders");
        assertThat(json(granted).path("effective").path("enablePersistentChat").asBoolean()).isTrue();
        assertThat(chat.persistentChatEnabled(ALICE)).isTrue();

        HttpResponse<String> revoked = put("/api/v1/users/alice@example.org/policy", "{\"policy\": null}");
        assertThat(json(revoked).path("granted").isNull()).isTrue();
        assertThat(json(revoked).path("effective").path("identity").asText()).isEqualTo("global");
        assertThat(chat.persistentChatEnabled(ALICE)).isFalse();
    }

    @Test
    void aGrantedPolicyShouldBeRemovedOnlyWithForce() throws Exception {
        post("/api/v1/policies", "{\"identity\": \"tag:Traders\", \"enablePersistentChat\": true}");
        put("/api/v1/users/alice@example.org/policy", "{\"policy\": \"Traders\"}");

        HttpResponse<String> inUse = send(local("/api/v1/policies/Traders").DELETE());
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(error(inUse).path("message").asText()).contains("alice@example.org", "force");
        assertThat(send(local("/api/v1/policies/tag:traders?force=yes").DELETE()).statusCode()).isEqualTo(400);

        assertThat(send(local("/api/v1/policies/tag:traders?force=true").DELETE()).statusCode()).isEqualTo(204);
        assertThat(send(local("/api/v1/policies/Traders").GET()).statusCode()).isEqualTo(404);
        assertThat(chat.effectivePolicy(ALICE).granted()).isEmpty();
    }

    @Test
    void aSitePolicyShouldBeCreatedAndChanged() throws Exception {
        assertThat(post("/api/v1/policies", "{\"identity\": \"site:Redmond\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> changed = patch("/api/v1/policies/site:redmond", "{\"enablePersistentChat\": true}");

        assertThat(json(changed).path("identity").asText()).isEqualTo("site:Redmond");
        assertThat(json(changed).path("scope").asText()).isEqualTo("site");
        assertThat(chat.policy(new PolicyIdentity.Site("Redmond")).orElseThrow().enablePersistentChat()).isTrue();
    }

    @Test
    void mistakesShouldBeRefusedNamingTheField() throws Exception {
        assertInvalid("/api/v1/policies", "{}", "identity");
        assertInvalid("/api/v1/policies", "{\"identity\": \"site:\"}", "identity");
        assertInvalid("/api/v1/policies", "{\"identity\": \"T\", \"enablePersistentChat\": \"yes\"}",
                "enablePersistentChat");
        assertInvalid("/api/v1/policies", "{\"identity\": \"T\", \"description\": \"" + "d".repeat(1025) + "\"}",
                "description");
        assertInvalid("/api/v1/policies", "{\"identity\": \"T\", \"colour\": \"red\"}", "colour");
        HttpResponse<String> global = post("/api/v1/policies", "{\"identity\": \"global\"}");
        assertThat(global.statusCode()).isEqualTo(409);
        post("/api/v1/policies", "{\"identity\": \"Traders\"}");
        assertThat(post("/api/v1/policies", "{\"identity\": \"TRADERS\"}").statusCode()).isEqualTo(409);
        assertThat(patch("/api/v1/policies/Traders", "{\"identity\": \"Other\"}").statusCode()).isEqualTo(400);
        assertThat(send(local("/api/v1/policies/Nobody").GET()).statusCode()).isEqualTo(404);

        HttpResponse<String> siteGrant = put("/api/v1/users/alice@example.org/policy",
                "{\"policy\": \"site:Redmond\"}");
        assertThat(siteGrant.statusCode()).isEqualTo(400);
        assertThat(error(siteGrant).path("field").asText()).isEqualTo("policy");
        assertThat(put("/api/v1/users/alice@example.org/policy", "{}").statusCode()).isEqualTo(400);
        assertThat(put("/api/v1/users/alice@example.org/policy", "{\"policy\": \"Ghost\"}").statusCode())
                .isEqualTo(404);
        assertThat(put("/api/v1/users/ghost@example.org/policy", "{\"policy\": \"Traders\"}").statusCode())
                .isEqualTo(404);
        HttpResponse<String> badJid = send(local("/api/v1/users/a@b@c/policy").GET());
        assertThat(badJid.statusCode()).isEqualTo(400);
        assertThat(error(badJid).path("field").asText()).isEqualTo("jid");
        assertThat(chat.policies()).extracting(p -> p.identity().toString()).containsExactly("global", "tag:Traders");
    }

    @Test
    void onlyAdministratorsShouldManagePolicies() throws Exception {
        HttpResponse<String> alice = send(basic(request("/api/v1/policies/global"), "alice@example.org",
                "alice-secret").header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enablePersistentChat\": true}")));
        assertThat(alice.statusCode()).isEqualTo(403);

        HttpResponse<String> root = send(basic(request("/api/v1/policies/global"), "root@example.org",
                "root-secret").header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enablePersistentChat\": true}")));
        assertThat(root.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return send(local(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }
}
