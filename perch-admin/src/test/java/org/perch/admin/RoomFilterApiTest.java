package org.perch.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Room;

/**
 * Get-CsPersistentChatRoom's -SearchDescription, -Addin, -Invitations, -ChatContentExceedsMB and -ResultSize on
 * {@code GET /api/v1/rooms}.
 */
class RoomFilterApiTest extends ApiTestBase {

    @BeforeEach
    void rooms() throws Exception {
        post("/api/v1/categories", "{\"name\": \"Trading\", \"allowedMembers\": [\"domain:example.org\"]}");
        post("/api/v1/addins", "{\"name\": \"Ticker\", \"url\": \"https://apps.example.org/ticker\"}");
        post("/api/v1/rooms", """
                {"name": "Bond Desk", "category": "Trading", "description": "Gilts and treasuries"}""");
        post("/api/v1/rooms", """
                {"name": "FX Desk", "category": "Trading", "addin": "ticker", "invitations": "off"}""");
        post("/api/v1/rooms", """
                {"name": "Lounge", "category": "Trading", "description": "Desk chatter"}""");
    }

    @Test
    void searchDescriptionShouldWidenTheFilterToDescriptions() throws Exception {
        assertThat(names("/api/v1/rooms?filter=desk")).containsExactly("Bond Desk", "FX Desk");
        assertThat(names("/api/v1/rooms?filter=desk&searchDescription=true"))
                .containsExactly("Bond Desk", "FX Desk", "Lounge");
        assertThat(names("/api/v1/rooms?filter=GILTS&searchDescription=true")).containsExactly("Bond Desk");
        assertThat(names("/api/v1/rooms?filter=gilts&searchDescription=false")).isEmpty();
    }

    @Test
    void addinAndInvitationsShouldSelectRoomsBySetting() throws Exception {
        assertThat(names("/api/v1/rooms?addin=TICKER")).containsExactly("FX Desk");
        assertThat(names("/api/v1/rooms?invitations=off")).containsExactly("FX Desk");
        assertThat(names("/api/v1/rooms?invitations=inherit")).containsExactly("Bond Desk", "Lounge");
    }

    @Test
    void chatContentExceedsMbShouldSelectRoomsWhoseHistoryIsLarger() throws Exception {
        Room bond = chat.roomByName("Bond Desk").orElseThrow();
        Room fx = chat.roomByName("FX Desk").orElseThrow();
        String quarter = "x".repeat(256 * 1024);
        store.history().append(List.of(message(bond, "a", quarter), message(bond, "b", quarter),
                message(fx, "c", "small")));

        assertThat(names("/api/v1/rooms?chatContentExceedsMb=1")).as("four quarters (bodies and stanzas) and tags")
                .containsExactly("Bond Desk");
        assertThat(names("/api/v1/rooms?chatContentExceedsMb=0")).containsExactly("Bond Desk", "FX Desk");
        assertThat(names("/api/v1/rooms?chatContentExceedsMb=2")).isEmpty();
    }

    @Test
    void resultSizeShouldCutTheSortedList() throws Exception {
        assertThat(names("/api/v1/rooms?resultSize=2")).containsExactly("Bond Desk", "FX Desk");
        assertThat(names("/api/v1/rooms?resultSize=0")).isEmpty();
        assertThat(names("/api/v1/rooms?resultSize=2147483647")).hasSize(3);
    }

    @Test
    void eachInvalidFilterShouldBeNamed() throws Exception {
        assertInvalidQuery("searchDescription=true", "searchDescription");
        assertInvalidQuery("filter=desk&searchDescription=maybe", "searchDescription");
        assertInvalidQuery("addin=", "addin");
        assertInvalidQuery("invitations=false", "invitations");
        assertInvalidQuery("chatContentExceedsMb=-1", "chatContentExceedsMb");
        assertInvalidQuery("chatContentExceedsMb=lots", "chatContentExceedsMb");
        assertInvalidQuery("resultSize=2147483648", "resultSize");
        assertInvalidQuery("resultSize=-1", "resultSize");
        assertInvalidQuery("colour=red", "colour");
        HttpResponse<String> unknownAddin = send(local("/api/v1/rooms?addin=News").GET());
        assertThat(unknownAddin.statusCode()).isEqualTo(404);
        assertThat(error(unknownAddin).path("message").asText()).isEqualTo("no add-in named 'News'");
    }

    private void assertInvalidQuery(String query, String field) throws Exception {
        HttpResponse<String> response = send(local("/api/v1/rooms?" + query).GET());
        assertThat(response.statusCode()).as(query).isEqualTo(400);
        assertThat(error(response).path("code").asText()).isEqualTo("invalid");
        assertThat(error(response).path("field").asText()).as(query).isEqualTo(field);
    }

    private static PostedMessage message(Room room, String id, String body) {
        return new PostedMessage(room.id(), id, Instant.parse("2026-01-01T00:00:00Z"), Jid.of("alice@example.org"),
                "alice", body, "<message><body>" + body + "</body></message>");
    }

    private List<String> names(String path) throws Exception {
        HttpResponse<String> response = send(local(path).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode rooms = Json.MAPPER.readTree(response.body()).path("rooms");
        List<String> names = new ArrayList<>();
        rooms.forEach(r -> names.add(r.path("name").asText()));
        return names;
    }
}
