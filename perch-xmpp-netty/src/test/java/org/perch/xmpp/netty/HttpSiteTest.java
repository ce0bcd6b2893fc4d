package org.perch.xmpp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A site's files on the HTTP listener, beside XMPP over WebSocket")
class HttpSiteTest {
    private static final HttpSite.File PAGE = new HttpSite.File("text/html; charset=utf-8",
            "<!DOCTYPE html><title>chat</title>".getBytes(StandardCharsets.UTF_8), "\"page-1\"", "no-cache");
    private static final HttpSite SITE = new HttpSite() {
        @Override
        public Optional<File> find(String path) {
            return path.equals("/") ? Optional.of(PAGE) : Optional.empty();
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("X-Frame-Options", "DENY", "Content-Security-Policy", "default-src 'self'");
        }
    };

    private final HttpClient http = HttpClient.newBuilder().sslContext(TestCertificates.clientContext()).build();
    private XmppTransport transport;

    @BeforeEach
    void start() {
        transport = XmppTransport.start(TestTransports.config(), TestCertificates.identity(), new RecordingFactory(),
                new TransportStats(), SITE, java.util.Optional.empty());
    }

    @AfterEach
    void stop() {
        transport.close();
        http.close();
    }

    @Test
    void aSiteFileShouldBeServedWithItsTypeCachingAndTheSitesHeaders() throws Exception {
        HttpResponse<String> response = http.send(request("/?lang=en").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<!DOCTYPE html><title>chat</title>");
        assertThat(response.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(response.headers().firstValue("cache-control")).hasValue("no-cache");
        assertThat(response.headers().firstValue("etag")).hasValue("\"page-1\"");
        assertThat(response.headers().firstValue("x-frame-options")).hasValue("DENY");
        assertThat(response.headers().firstValue("content-security-policy")).hasValue("default-src 'self'");
    }

    @Test
    void aFileTheBrowserHasShouldBeAnsweredWithNotModified() throws Exception {
        HttpResponse<String> same = http.send(request("/").header("If-None-Match", "\"old\", \"page-1\"").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> changed = http.send(request("/").header("If-None-Match", "\"old\"").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.headers().firstValue("etag")).hasValue("\"page-1\"");
        assertThat(same.headers().firstValue("x-frame-options")).hasValue("DENY");
        assertThat(changed.statusCode()).isEqualTo(200);
    }

    @Test
    void pathsTheSiteLacksShouldStillBeNotFoundAndHostMetaStillServed() throws Exception {
        assertThat(http.send(request("/nothing").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
        assertThat(http.send(request("/.well-known/host-meta.json").build(), HttpResponse.BodyHandlers.ofString())
                .body()).contains("/xmpp-websocket");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + transport.httpPort() + path));
    }
}
