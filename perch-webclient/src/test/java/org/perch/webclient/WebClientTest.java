package org.perch.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
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
    void textFilesShouldComeWithAGzipCopyOfTheSameBytesAndATagOfTheirOwn() throws Exception {
        String converse = "/converse/" + CLIENT.converseVersion();

        for (String path : List.of("/", "/perch-client.js", converse + "/converse.min.js",
                converse + "/converse.min.css", converse + "/emoji.json")) {
            WebFile file = CLIENT.find(path).orElseThrow();
            WebFile.Gzipped gzipped = file.gzipped().orElseThrow(() -> new AssertionError(path + " has no gzip copy"));

            assertThat(gunzip(gzipped.body())).as(path).isEqualTo(file.body());
            assertThat(gzipped.body().length).as(path).isLessThan(file.body().length);
            assertThat(gzipped.etag()).as(path)
                    .isEqualTo(file.etag().substring(0, file.etag().length() - 1) + "-gzip\"");
        }
        WebFile script = CLIENT.find(converse + "/converse.min.js").orElseThrow();
        assertThat(script.gzipped().orElseThrow().body().length).as("Converse's 1.3 MB script")
                .isLessThan(script.body().length / 3);
    }

    @Test
    void compressedFilesShouldHaveNoGzipCopyAndNoCopyShouldBeServedByItsName() {
        String converse = "/converse/" + CLIENT.converseVersion();

        assertThat(CLIENT.find(converse + "/images/logo/conversejs-filled.svg")).hasValueSatisfying(svg ->
                assertThat(svg.gzipped()).isPresent());
        assertThat(CLIENT.find(converse + "/images/logo/conversejs-filled-192.png")).hasValueSatisfying(icon ->
                assertThat(icon.gzipped()).isEmpty());
        assertThat(CLIENT.find(converse + "/sounds/msg_received.mp3")).hasValueSatisfying(sound ->
                assertThat(sound.gzipped()).isEmpty());
        assertThat(CLIENT.find(converse + "/converse.min.js.gz")).isEmpty();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
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
