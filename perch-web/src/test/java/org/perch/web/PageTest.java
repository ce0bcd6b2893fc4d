package org.perch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's own files and the headers every answer carries. */
class PageTest extends WebTestBase {

    @Test
    void thePageShouldBeServedWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/rooms/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertSecurityHeaders(page);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.body()).contains("<form id=\"sign-in\"").contains("<script src=\"app.js\" defer></script>");
    }

    @Test
    void thePageShouldHaveNoInlineScriptOrStyleForThePolicyToBlock() throws Exception {
        String html = get("/rooms/").body();

        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        while (scripts.find()) {
            assertThat(scripts.group(1)).contains("src=");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(html).doesNotContainIgnoringCase("style=").doesNotContainIgnoringCase(" onclick=")
                .doesNotContainIgnoringCase("<style");
        assertThat(get("/rooms/app.js").body()).doesNotContain("innerHTML").doesNotContain("eval(");
        assertThat(get("/rooms/feeds.js").body()).doesNotContain("innerHTML").doesNotContain("eval(");
    }

    @Test
    void theScriptAndStylesheetShouldBeServedWithTheirTypes() throws Exception {
        HttpResponse<String> script = get("/rooms/app.js");
        HttpResponse<String> style = get("/rooms/style.css");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("X-Perch-Request");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertSecurityHeaders(script);
    }

    @Test
    void theRootShouldLeadToThePageAndOtherPathsShouldBeNotFound() throws Exception {
        HttpResponse<String> root = get("/");
        HttpResponse<String> noSlash = get("/rooms");

        assertThat(root.statusCode()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location")).hasValue("/rooms/");
        assertThat(noSlash.headers().firstValue("Location")).hasValue("/rooms/");
        assertThat(get("/rooms/secret.txt").statusCode()).isEqualTo(404);
        assertThat(get("/rooms/../pom.xml").statusCode()).isEqualTo(404);
        assertThat(get("/rooms/org/perch/web/site/app.js").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/rooms").statusCode()).isEqualTo(404);
        assertSecurityHeaders(get("/nowhere"));
        HttpResponse<String> post = send(request("/rooms/").POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void apiAnswersShouldCarryTheSameHeadersAndNeverBeCached() throws Exception {
        HttpResponse<String> refused = call("GET", "/rooms/api/rooms", null, null);

        assertSecurityHeaders(refused);
        assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }
}
