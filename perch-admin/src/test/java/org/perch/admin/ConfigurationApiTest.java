package org.perch.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.perch.store.chat.ChatConfiguration;

/** The configuration through the admin API: Get-, Set- and Remove-CsPersistentChatConfiguration. */
class ConfigurationApiTest extends ApiTestBase {

    @Test
    void getShouldShowLyncsDefaultsAtFirst() throws Exception {
        JsonNode c = Json.MAPPER.readTree(send(local("/api/v1/configuration").GET()).body());

        assertThat(c.path("defaultChatHistory").asInt()).isEqualTo(30);
        assertThat(c.path("participantUpdateLimit").asInt()).isEqualTo(75);
        assertThat(c.path("maxFileSizeKb").asInt()).isEqualTo(20_000);
        assertThat(c.path("roomManagementUrl").isNull()).isTrue();
    }

    @Test
    void setShouldChangeWhatIsGivenAndKeepTheRest() throws Exception {
        HttpResponse<String> changed = patch("/api/v1/configuration",
                "{\"defaultChatHistory\": 12, \"roomManagementUrl\": \"https://rooms.example.org/\"}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(chat.settings().defaultChatHistory()).isEqualTo(12);
        assertThat(chat.configuration().participantUpdateLimit()).isEqualTo(75);
        assertThat(chat.configuration().roomManagementUrl()).isPresent();

        patch("/api/v1/configuration", "{\"roomManagementUrl\": null}");
        assertThat(chat.configuration().roomManagementUrl()).isEmpty();
    }

    @Test
    void valuesOutsideLyncsBoundsShouldBeRefusedNamingTheField() throws Exception {
        assertInvalidPatch("{\"defaultChatHistory\": 501}", "defaultChatHistory");
        assertInvalidPatch("{\"defaultChatHistory\": \"12\"}", "defaultChatHistory");
        assertInvalidPatch("{\"participantUpdateLimit\": 0}", "participantUpdateLimit");
        assertInvalidPatch("{\"roomManagementUrl\": \"file:///etc/passwd\"}", "roomManagementUrl");
        assertInvalidPatch("{\"maxChatContentSizeMB\": 5}", "maxChatContentSizeMB");
        assertThat(chat.configuration()).isEqualTo(ChatConfiguration.DEFAULTS);
    }

    @Test
    void removeShouldGoBackToTheDefaults() throws Exception {
        patch("/api/v1/configuration", "{\"defaultChatHistory\": 12}");

        HttpResponse<String> reset = send(local("/api/v1/configuration").DELETE());

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(chat.configuration()).isEqualTo(ChatConfiguration.DEFAULTS);
        assertThat(store.configuration().load()).isEmpty();
    }

    private void assertInvalidPatch(String body, String field) throws Exception {
        HttpResponse<String> response = patch("/api/v1/configuration", body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(error(response).path("field").asText()).as(body).isEqualTo(field);
    }
}
