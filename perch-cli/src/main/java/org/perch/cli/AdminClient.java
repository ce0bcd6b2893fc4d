package org.perch.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import org.perch.admin.LocalCredential;
import org.perch.server.config.HttpConfig;
import org.perch.server.config.PerchConfig;
import org.perch.server.tls.TlsFiles;

/**
 * The {@code perch} commands' way to the admin API of the server running on this machine: its address and port
 * from the configuration, its certificate pinned ({@link PinnedCertificate}), and the local credential it wrote to
 * the data directory, so nobody types a secret.
 */
final class AdminClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final String token;

    private AdminClient(HttpClient http, URI base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    static AdminClient of(PerchConfig config) {
        HttpConfig admin = config.admin();
        if (!admin.enabled()) {
            throw new CliException("the admin API is disabled (admin.port is -1); these commands need it");
        }
        if (admin.port() == 0) {
            throw new CliException("admin.port is 0, a port picked at each start; give it a fixed port to use"
                    + " these commands");
        }
        String token;
        try {
            token = LocalCredential.read(config.dataDir());
        } catch (NoSuchFileException e) {
            throw new CliException("no admin credential at " + LocalCredential.file(config.dataDir())
                    + ": is the server running on this data directory?");
        } catch (IOException e) {
            throw new CliException("cannot read the admin credential " + LocalCredential.file(config.dataDir())
                    + " (run perch as the user the server runs as): " + e.getMessage());
        }
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (admin.tls()) {
            http.sslContext(PinnedCertificate.sslContext(TlsFiles.leaf(config.tls(), config.dataDir(),
                    config.domain())));
        }
        String host = switch (admin.bindAddress()) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> admin.bindAddress().contains(":") && !admin.bindAddress().startsWith("[")
                    ? "[" + admin.bindAddress() + "]" : admin.bindAddress();
        };
        URI base = URI.create((admin.tls() ? "https" : "http") + "://" + host + ":" + admin.port());
        return new AdminClient(http.build(), base, token);
    }

    /** One path segment, percent-encoded (a category or room name may hold spaces and slashes). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    JsonNode get(String path) {
        return call("GET", path, null);
    }

    JsonNode post(String path, JsonNode body) {
        return call("POST", path, body);
    }

    JsonNode patch(String path, JsonNode body) {
        return call("PATCH", path, body);
    }

    JsonNode put(String path, JsonNode body) {
        return call("PUT", path, body);
    }

    /** DELETE; what the API answers, if anything (most deletions answer with no body). */
    JsonNode delete(String path) {
        return call("DELETE", path, null);
    }

    private JsonNode call(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliException("cannot reach the admin API at " + base + ": is the server running?");
        } catch (IOException e) {
            throw new CliException("the admin API at " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() >= 400) {
            JsonNode error = answer.path("error");
            String field = error.path("field").asText("");
            throw new CliException(error.path("message").asText("HTTP " + response.statusCode())
                    + (field.isEmpty() ? "" : " (" + field + ")"));
        }
        return answer;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new CliException("the admin API at " + base + " did not answer in JSON");
        }
    }
}
