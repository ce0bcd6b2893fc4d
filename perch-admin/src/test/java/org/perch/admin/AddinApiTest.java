package org.perch.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.perch.store.chat.Room;

/** Add-ins through the admin API: New-, Set-, Get- and Remove-CsPersistentChatAddin, and rooms that show them. */
class AddinApiTest extends ApiTestBase {

    @Test
    void anAddinShouldBeRegisteredAndShownByARoom() throws Exception {
        HttpResponse<String> created = post("/api/v1/addins",
                "{\"name\": \"Ticker\", \"url\": \"https://apps.example.org/ticker\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        post("/api/v1/categories", "{\"name\": \"Trading\"}");

        HttpResponse<String> room = post("/api/v1/rooms",
                "{\"name\": \"Desk\", \"category\": \"Trading\", \"addin\": \"ticker\"}");

        assertThat(room.statusCode()).as(room.body()).isEqualTo(201);
        assertThat(Json.MAPPER.readTree(room.body()).path("addin").asText()).isEqualTo("Ticker");
        JsonNode listed = Json.MAPPER.readTree(send(local("/api/v1/addins").GET()).body());
        assertThat(listed.path("addins").get(0).path("url").asText()).isEqualTo("https://apps.example.org/ticker");
    }

    @Test
    void invalidAddinsShouldBeRefusedNamingTheField() throws Exception {
        assertInvalid("/api/v1/addins", "{\"name\": \"Ticker\", \"url\": \"ftp://a.example.org/\"}", "url");
        assertInvalid("/api/v1/addins", "{\"name\": \"" + "n".repeat(51) + "\", \"url\": \"https://a.example.org/\"}",
                "name");
        assertInvalid("/api/v1/addins", "{\"name\": \"Ticker\"}", "url");
        post("/api/v1/categories", "{\"name\": \"Trading\"}");
        HttpResponse<String> unregistered = post("/api/v1/rooms",
                "{\"name\": \"Desk\", \"category\": \"Trading\", \"addin\": \"Ghost\"}");
        assertThat(unregistered.statusCode()).isEqualTo(400);
        assertThat(error(unregistered).path("message").asText()).contains("no add-in named 'Ghost'");
        assertThat(chat.addins()).isEmpty();
        assertThat(chat.allRooms()).isEmpty();
    }

    @Test
    void renamingAndRemovingShouldFollowIntoRooms() throws Exception {
        post("/api/v1/addins", "{\"name\": \"Ticker\", \"url\": \"https://apps.example.org/ticker\"}");
        post("/api/v1/categories", "{\"name\": \"Trading\"}");
        post("/api/v1/rooms", "{\"name\": \"Desk\", \"category\": \"Trading\", \"addin\": \"Ticker\"}");

        assertThat(patch("/api/v1/addins/ticker", "{\"name\": \"Quotes\"}").statusCode()).isEqualTo(200);
        assertThat(room("Desk").settings().addin()).contains("Quotes");

        HttpResponse<String> inUse = send(local("/api/v1/addins/Quotes").DELETE());
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(error(inUse).path("message").asText()).contains("'Desk'", "force");
        assertThat(send(local("/api/v1/addins/Quotes?force=true").DELETE()).statusCode()).isEqualTo(204);
        assertThat(room("Desk").settings().addin()).isEmpty();
        assertThat(send(local("/api/v1/addins/Quotes").GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void aRoomsAddinShouldBeClearedWithNull() throws Exception {
        post("/api/v1/addins", "{\"name\": \"Ticker\", \"url\": \"https://apps.example.org/ticker\"}");
        post("/api/v1/categories", "{\"name\": \"Trading\"}");
        post("/api/v1/rooms", "{\"name\": \"Desk\", \"category\": \"Trading\", \"addin\": \"Ticker\"}");

        assertThat(patch("/api/v1/rooms/Desk", "{\"addin\": null}").statusCode()).isEqualTo(200);

        assertThat(room("Desk").settings().addin()).isEmpty();
    }

    private Room room(String name) {
        return chat.roomByName(name).orElseThrow();
    }
}
