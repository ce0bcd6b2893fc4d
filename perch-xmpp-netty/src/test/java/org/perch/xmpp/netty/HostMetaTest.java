package org.perch.xmpp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("XEP-0156 host-meta on the HTTP listener")
class HostMetaTest {
    private final HttpClient http = HttpClient.newBuilder().sslContext(TestCertificates.clientContext()).build();
    private XmppTransport transport;

    @BeforeEach
    void start() {
        transport = TestTransports.start(TestTransports.config(), new RecordingFactory());
    }

    @AfterEach
    void stop() {
        transport.close();
        http.close();
    }

    @Test
    void hostMetaXmlShouldLinkTheWebSocketEndpoint() throws Exception {
        HttpResponse<String> response = get("/.well-known/host-meta", "GET");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/xrd+xml"));
        assertThat(response.headers().firstValue("access-control-allow-origin")).hasValue("*");
        assertThat(response.body()).contains("<XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'>")
                .contains("<Link rel=\"urn:xmpp:alt-connections:websocket\" href=\"wss://127.0.0.1:"
                        + transport.httpPort() + "/xmpp-websocket\"/>");
    }

    @Test
    void hostMetaJsonShouldLinkTheWebSocketEndpoint() throws Exception {
        HttpResponse<String> response = get("/.well-known/host-meta.json", "GET");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("access-control-allow-origin")).hasValue("*");
        assertThat(response.body()).isEqualTo("{\"links\":[{\"rel\":\"urn:xmpp:alt-connections:websocket\","
                + "\"href\":\"wss://127.0.0.1:" + transport.httpPort() + "/xmpp-websocket\"}]}");
    }

    @Test
    void anUnknownPathShouldBeNotFound() throws Exception {
        HttpResponse<String> response = get("/nothing-here", "GET");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("not found\n");
    }

    @Test
    void anotherMethodShouldNotBeAllowed() throws Exception {
        HttpResponse<String> response = get("/.well-known/host-meta", "DELETE");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("GET");
    }

    @Test
    void anInsaneHostHeaderShouldFallBackToTheDomain() {
        HostMeta meta = new HostMeta("example.test", () -> 5281);
        assertThat(meta.url(java.util.Optional.of("evil\"><x/>"))).isEqualTo("wss://example.test:5281/xmpp-websocket");
        assertThat(meta.url(java.util.Optional.empty())).isEqualTo("wss://example.test:5281/xmpp-websocket");
        assertThat(meta.url(java.util.Optional.of("chat.example.org")))
                .isEqualTo("wss://chat.example.org/xmpp-websocket");
        assertThat(new HostMeta("example.test", () -> 0).url(java.util.Optional.empty()))
                .isEqualTo("wss://example.test/xmpp-websocket");
    }

    private HttpResponse<String> get(String path, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + transport.httpPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
