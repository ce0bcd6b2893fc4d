package org.perch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A server with chat.topic-feeds off: the page's feed API says so, and the rooms API is as before. */
class FeedsOffApiTest extends WebTestBase {

    @Test
    void everyFeedPathShouldBeNotFoundSayingFeedsAreOff() throws Exception {
        String alice = session("alice");

        for (String[] request : new String[][] {{"GET", "filters"}, {"POST", "filters"}, {"PUT", "filters/x"},
                {"DELETE", "filters/x"}, {"GET", "entries"}, {"GET", "rooms"}}) {
            HttpResponse<String> response = call(request[0], "/rooms/api/feeds/" + request[1], alice,
                    request[0].startsWith("P") ? "{\"name\": \"Bonds\", \"keywords\": [\"bond\"]}" : null);
            assertThat(response.statusCode()).as(String.join(" ", request)).isEqualTo(404);
            assertThat(error(response).path("message").asText()).as(String.join(" ", request))
                    .isEqualTo("topic feeds are not offered by this server (chat.topic-feeds is off)");
        }
        assertThat(call("GET", "/rooms/api/rooms", alice, null).statusCode()).isEqualTo(200);
    }
}
