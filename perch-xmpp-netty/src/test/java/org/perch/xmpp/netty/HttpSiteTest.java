package org.perch.xmpp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A site's files on the HTTP listener, beside XMPP over WebSocket")
class HttpSiteTest {
    private static final HttpSite.File PAGE = new HttpSite.File("text/html; charset=utf-8",
            "<!DOCTYPE html><title>chat</title>".getBytes(StandardCharsets.UTF_8), "\"page-1\"", "no-cache");
    private static final byte[] SCRIPT_BYTES = "console.log('chat');\n".repeat(50).getBytes(StandardCharsets.UTF_8);
    private static final HttpSite.File SCRIPT = new HttpSite.File("text/javascript; charset=utf-8", SCRIPT_BYTES,
            "\"script-1\"", "no-cache", Optional.of(new HttpSite.Gzipped(gzip(SCRIPT_BYTES), "\"script-1-gzip\"")));
    private static final HttpSite SITE = new HttpSite() {
        @Override
        public Optional<File> find(String path) {
            return switch (path) {
                case "/" -> Optional.of(PAGE);
                case "/app.js" -> Optional.of(SCRIPT);
                default -> Optional.empty();
            };
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

    @Test
    void aClientThatAcceptsGzipShouldGetTheGzippedCopyMarkedSo() throws Exception {
        HttpResponse<byte[]> response = http.send(request("/app.js").header("Accept-Encoding", "br, gzip;q=0.8")
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(response.headers().firstValue("vary")).hasValue("accept-encoding");
        assertThat(response.headers().firstValue("etag")).hasValue("\"script-1-gzip\"");
        assertThat(response.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(response.body().length).isLessThan(SCRIPT_BYTES.length);
        assertThat(gunzip(response.body())).isEqualTo(SCRIPT_BYTES);
        assertThat(response.headers().firstValue("x-frame-options")).hasValue("DENY");
    }

    @Test
    void aClientThatDoesNotAcceptGzipShouldGetTheFileAsItIsYetBeToldItVaries() throws Exception {
        for (String accepted : new String[] {null, "identity", "gzip;q=0, *", "br"}) {
            HttpRequest.Builder request = request("/app.js");
            if (accepted != null) {
                request.header("Accept-Encoding", accepted);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.body()).as("Accept-Encoding: %s", accepted).isEqualTo(SCRIPT_BYTES);
            assertThat(response.headers().firstValue("content-encoding")).as("Accept-Encoding: %s", accepted)
                    .isEmpty();
            assertThat(response.headers().firstValue("vary")).hasValue("accept-encoding");
            assertThat(response.headers().firstValue("etag")).hasValue("\"script-1\"");
        }
    }

    @Test
    void aFileTheSiteDoesNotGzipShouldBeSentAsItIsWithoutVary() throws Exception {
        HttpResponse<String> response = http.send(request("/").header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("<!DOCTYPE html><title>chat</title>");
        assertThat(response.headers().firstValue("content-encoding")).isEmpty();
        assertThat(response.headers().firstValue("vary")).isEmpty();
    }

    @Test
    void notModifiedShouldNameTheTagOfTheRepresentationTheClientWouldGet() throws Exception {
        HttpResponse<String> gzipped = http.send(request("/app.js").header("Accept-Encoding", "gzip")
                .header("If-None-Match", "\"script-1-gzip\"").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> plainTagWithGzip = http.send(request("/app.js").header("Accept-Encoding", "gzip")
                .header("If-None-Match", "\"script-1\"").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(gzipped.statusCode()).isEqualTo(304);
        assertThat(gzipped.headers().firstValue("etag")).hasValue("\"script-1-gzip\"");
        assertThat(gzipped.headers().firstValue("vary")).hasValue("accept-encoding");
        assertThat(plainTagWithGzip.statusCode()).as("the browser holds the other representation").isEqualTo(200);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + transport.httpPort() + path));
    }
}
