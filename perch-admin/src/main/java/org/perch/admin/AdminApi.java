package org.perch.admin;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.perch.domain.chat.ChatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin REST API: JSON over HTTP(S), served by the JDK's HTTP server on a thread per request (virtual).
 * Every request but the OpenAPI document must authenticate ({@link AdminAuthenticator}); every request, refused
 * or not, is audited ({@link AuditLog}); every error is JSON: {@code {"error": {"code", "message", "field"}}}.
 */
public final class AdminApi implements AutoCloseable {

    /** Where the OpenAPI document is served, without authentication. */
    public static final String OPENAPI_PATH = "/api/v1/openapi.json";
    public static final int MAX_BODY_BYTES = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final AdminAuthenticator authenticator;
    private final Routes routes;
    private final ObjectMapper json = Json.MAPPER;
    private final byte[] openApi;

    private AdminApi(HttpServer server, AdminAuthenticator authenticator, Routes routes) {
        this.server = server;
        this.authenticator = authenticator;
        this.routes = routes;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.openApi = OpenApi.document();
    }

    /**
     * Binds and starts the API.
     *
     * @param tls the server's TLS context, or empty to serve plain HTTP (only behind a TLS-terminating proxy)
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static AdminApi start(String bindAddress, int port, Optional<SSLContext> tls, AdminServices services) {
        HttpServer server = HttpListener.bind(bindAddress, port, tls, "the admin API");
        AdminAuthenticator authenticator = new AdminAuthenticator(services.localToken(), services.operator(),
                services.accounts(), services.throttle());
        AdminApi api = new AdminApi(server, authenticator, routes(services));
        server.setExecutor(api.executor);
        server.createContext("/", api::serve);
        server.start();
        return api;
    }

    static Routes routes(AdminServices services) {
        Routes routes = new Routes();
        new CategoryResource(services.chat()).register(routes);
        new RoomResource(services.chat()).register(routes);
        new EligiblePrincipalResource(services.chat()).register(routes);
        new AddinResource(services.chat()).register(routes);
        new ConfigurationResource(services.chat()).register(routes);
        new PolicyResource(services.chat()).register(routes);
        new MessageResource(services.chat()).register(routes);
        new ComplianceResource(services.compliance()).register(routes);
        new ConnectionsResource(services.connections()).register(routes);
        return routes;
    }

    /** The port the API listens on (the bound one, when 0 was asked for). */
    public int port() {
        return server.getAddress().getPort();
    }

    public boolean tls() {
        return server instanceof HttpsServer;
    }

    /** What a request is answered with, decided before anything is sent so that it is audited first. */
    private record Reply(int status, String outcome, byte[] body) {
    }

    private void serve(HttpExchange exchange) {
        long began = System.nanoTime();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String address = exchange.getRemoteAddress().getAddress().getHostAddress();
        Caller caller = null;
        Reply reply;
        try {
            if (method.equals("GET") && rawPath.equals(OPENAPI_PATH)) {
                reply = new Reply(200, "ok", openApi);
            } else {
                caller = authenticator.authenticate(
                        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")), address);
                ApiResponse response = handle(exchange, caller, method, rawPath);
                reply = new Reply(response.status(), "ok",
                        response.body() == null ? null : serialise(response.body()));
            }
        } catch (ApiException e) {
            reply = errorReply(exchange, e);
        } catch (IOException | UncheckedIOException e) {
            reply = errorReply(exchange, ApiException.badRequest("the request could not be read: " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("admin API: {} {} failed", method, rawPath, e);
            reply = errorReply(exchange, new ApiException(500, "internal", "the server failed; its log says why",
                    null));
        }
        // Audited before the answer leaves: whatever a client was told is on record.
        String who = caller == null ? "-" : caller.toString();
        AuditLog.record(who, address, method, rawPath, reply.status(), reply.outcome(),
                (System.nanoTime() - began) / 1_000);
        try {
            drainBody(exchange);
            send(exchange, reply.status(), reply.body());
        } catch (IOException e) {
            LOG.debug("admin API: {} {}: the client went away before the answer", method, rawPath, e);
        } finally {
            exchange.close();
        }
    }

    private byte[] serialise(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JacksonException e) {
            throw new IllegalStateException("could not write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private ApiResponse handle(HttpExchange exchange, Caller caller, String method, String rawPath)
            throws IOException {
        Routes.Match match = routes.find(method, decodedSegments(rawPath))
                .orElseThrow(() -> ApiException.notFound("no such API path: " + rawPath));
        JsonNode body = readBody(exchange, method);
        ApiRequest request = new ApiRequest(caller, match.path(), query(exchange.getRequestURI().getRawQuery()),
                body);
        try {
            return match.route().handler().handle(request);
        } catch (ChatException e) {
            throw Errors.from(e);
        }
    }

    /**
     * The JSON object a POST, PATCH or PUT carries (null for other methods): refused unless sent as
     * {@code application/json}, at most {@value #MAX_BODY_BYTES} bytes, and an object.
     */
    public static JsonNode readBody(HttpExchange exchange, String method) throws IOException {
        if (!method.equals("POST") && !method.equals("PATCH") && !method.equals("PUT")) {
            return null;
        }
        String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported-media-type", "send the body as application/json", null);
        }
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "too-large", "the body is over " + MAX_BODY_BYTES + " bytes", null);
        }
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Reads and drops what is left of the request body (at most {@value #MAX_BODY_BYTES} bytes) before the answer is
     * sent. A request refused before its body was read (a POST without credentials) otherwise leaves the body unread
     * on the connection, and the JDK's HTTPS server then now and then never answers the next request on it: the
     * client waits until it gives up. Measured: 2 to 10 in 60 such POSTs hung before this.
     */
    public static void drainBody(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            in.readNBytes(MAX_BODY_BYTES);
        } catch (IOException e) {
            // Read and closed already by readBody, or the client has gone: either way nothing is left to drain.
        }
    }

    private Reply errorReply(HttpExchange exchange, ApiException e) {
        ObjectNode error = e.toJson();
        if (e.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"perch admin\", charset=\"UTF-8\"");
        }
        return new Reply(e.status(), e.code(), serialise(error));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The path's segments, %-decoded; a malformed escape is a bad request. */
    public static List<String> decodedSegments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : Routes.segmentsOf(rawPath)) {
            try {
                // '+' is a plus in a path, not a space.
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("the path has a malformed %-escape: " + raw);
            }
        }
        return segments;
    }

    /** The query's parameters, %-decoded; a malformed escape is a bad request. */
    public static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                values.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("the query has a malformed %-escape: " + pair);
            }
        }
        return values;
    }

    /** Stops taking requests, lets those under way finish for up to a second, and stops. */
    @Override
    public void close() {
        server.stop(1);
        executor.close();
    }
}
