package org.perch.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebClientTest {
    private static final WebClient CLIENT = WebClient.load(
            new WebClientSettings("example.org", "chat.example.org", true, "/xmpp-websocket"));

    @Test
    void thePageShouldLoadTheBundledConverseAndItsOwnScript() {
        WebFile page = CLIENT.find("/").orElseThrow();
        String html = new String(page.body(), StandardCharsets.UTF_8);
        String converse = "/converse/" + CLIENT.converseVersion();

        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.cacheControl()).isEqualTo("no-cache");
        assertThat(html).contains("src=\"" + converse + "/converse.min.js\"", "href=\"" + converse
                + "/converse.min.css\"", "type=\"module\" src=\"/perch-client.js\"").doesNotContain("@CONVERSE@", "<script>");
        assertThat(CLIENT.find("/index.html")).contains(page);
        assertThat(CLIENT.find(converse + "/converse.min.js")).isPresent();
    }

    @Test
    void theSettingsShouldNameThisServersDomainsAndEndpoint() throws Exception {
        WebFile config = CLIENT.find("/perch-config.json").orElseThrow();
        JsonNode json = new ObjectMapper().readTree(config.body());

        assertThat(config.contentType()).isEqualTo("application/json");
        assertThat(config.cacheControl()).isEqualTo("no-cache");
        assertThat(json.get("domain").asText()).isEqualTo("example.org");
        assertThat(json.get("mucDomain").asText()).isEqualTo("chat.example.org");
        assertThat(json.get("registration").asBoolean()).isTrue();
        assertThat(json.get("websocketPath").asText()).isEqualTo("/xmpp-websocket");
        assertThat(json.get("conversePath").asText()).isEqualTo("/converse/" + CLIENT.converseVersion() + "/");
    }

    @Test
    void converseFilesShouldBeCachedForGoodAndTheirTypesNamed() {
        String converse = "/converse/" + CLIENT.converseVersion();

        WebFile script = CLIENT.find(converse + "/converse.min.js").orElseThrow();
        assertThat(script.contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(script.cacheControl()).contains("immutable");
        assertThat(script.etag()).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(CLIENT.find(converse + "/converse.min.css").orElseThrow().contentType()).startsWith("text/css");
        assertThat(CLIENT.find(converse + "/webfonts/muli.ttf").orElseThrow().contentType()).isEqualTo("font/ttf");
        assertThat(CLIENT.find(converse + "/LICENSE")).isPresent();
    }

    @Test
    void onlyListedFilesShouldBeServed() {
        String converse = "/converse/" + CLIENT.converseVersion();

        assertThat(CLIENT.find("/nothing-here")).isEmpty();
        assertThat(CLIENT.find(converse + "/converse.min.js.map")).as("source maps are left out").isEmpty();
        assertThat(CLIENT.find(converse + "/../site/index.html")).isEmpty();
        assertThat(CLIENT.find("/org/perch/webclient/site/index.html")).isEmpty();
        assertThat(CLIENT.find("/converse/files.txt")).isEmpty();
    }

    @Test
    void thePolicyShouldForbidInlineScriptEvalAndFraming() {
        String csp = CLIENT.securityHeaders().get("Content-Security-Policy");

        assertThat(csp).contains("script-src 'self';", "frame-ancestors 'none'", "default-src 'none'")
                .doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline");
        assertThat(CLIENT.securityHeaders()).containsEntry("X-Frame-Options", "DENY")
                .containsEntry("X-Content-Type-Options", "nosniff");
    }
}
