package org.perch.web;

import com.fasterxml.jackson.core.JacksonException;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perch.admin.AdminApi;
import org.perch.admin.ApiException;
import org.perch.admin.ApiRequest;
import org.perch.admin.ApiResponse;
import org.perch.admin.Caller;
import org.perch.admin.Errors;
import org.perch.admin.Json;
import org.perch.admin.Routes;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's JSON API under {@value #PREFIX}: the session, then the signed-in user's rooms and categories, and
 * their topic feeds.
 * Errors are the admin API's JSON ({@code {"error": {"code", "message", "field"}}}). A request that changes
 * anything must carry {@value #INTENT_HEADER}{@code : 1}, which a form or link on another site cannot send, and,
 * if the browser says where it comes from ({@code Origin}), come from this very origin. One line per request on
 * the {@value #LOGGER} logger: who, from where, what, how it ended; never a body, so never a password.
 */
final class WebApi {

    static final String PREFIX = "/rooms/api/";
    static final String INTENT_HEADER = "X-Perch-Request";
    static final String LOGGER = "perch.web";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final SessionEndpoint session;
    private final Routes routes;

    WebApi(SessionEndpoint session, Routes routes) {
        this.session = session;
        this.routes = routes;
    }

    /** What the request is answered with, decided before anything is sent so that it is logged first. */
    private record Reply(int status, String outcome, Object body, Optional<String> cookie) {
    }

    void serve(HttpExchange exchange) {
        long began = System.nanoTime();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String address = exchange.getRemoteAddress().getAddress().getHostAddress();
        Optional<String> sessionId = SessionCookie.from(exchange.getRequestHeaders().getOrDefault("Cookie",
                List.of()));
        boolean sessionPath = rawPath.equals(SessionEndpoint.PATH);
        Jid who = null;
        Reply reply;
        try {
            requireIntent(exchange.getRequestHeaders(), method);
            if (sessionPath && method.equals("POST")) {
                SessionEndpoint.SignedIn signedIn = session.signIn(AdminApi.readBody(exchange, method), address);
                who = signedIn.user();
                reply = new Reply(200, "signed-in", Map.of("jid", who.toString()),
                        Optional.of(SessionCookie.set(signedIn.sessionId())));
            } else if (sessionPath && method.equals("DELETE")) {
                session.signOut(sessionId);
                reply = new Reply(204, "signed-out", null, Optional.of(SessionCookie.clear()));
            } else if (sessionPath && !method.equals("GET")) {
                throw new ApiException(405, "method-not-allowed", method + " is not allowed here; allowed: DELETE,"
                        + " GET, POST", null);
            } else {
                who = session.user(sessionId);
                reply = route(exchange, method, rawPath, who);
            }
        } catch (ApiException e) {
            reply = error(e);
        } catch (ChatException e) {
            reply = error(Errors.from(e));
        } catch (IOException | UncheckedIOException e) {
            reply = error(ApiException.badRequest("the request could not be read: " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("room management page: {} {} failed", method, rawPath, e);
            reply = error(new ApiException(500, "internal", "the server failed; its log says why", null));
        }
        LOG.info("who={} from={} request=\"{} {}\" status={} outcome={} took={}us", who == null ? "-" : who,
                address, method, rawPath, reply.status(), reply.outcome(), (System.nanoTime() - began) / 1_000);
        try {
            AdminApi.drainBody(exchange); // a refused request's body must not stay unread (see drainBody)
            send(exchange, reply);
        } catch (IOException e) {
            LOG.debug("room management page: {} {}: the client went away before the answer", method, rawPath, e);
        }
    }

    /** Who am I: the signed-in user. */
    static void registerSession(Routes routes) {
        routes.add("GET", SessionEndpoint.PATH, r -> ApiResponse.ok(Map.of("jid", r.caller().jid().toString())));
    }

    private Reply route(HttpExchange exchange, String method, String rawPath, Jid who) throws IOException {
        Routes.Match match = routes.find(method, AdminApi.decodedSegments(rawPath))
                .orElseThrow(() -> ApiException.notFound("no such API path: " + rawPath));
        ApiRequest request = new ApiRequest(new Caller(who, Caller.How.SESSION), match.path(),
                AdminApi.query(exchange.getRequestURI().getRawQuery()), AdminApi.readBody(exchange, method));
        ApiResponse response = match.route().handler().handle(request);
        return new Reply(response.status(), "ok", response.body(), Optional.empty());
    }

    /** Cross-site request forgery: only the page's own script sends the header, and browsers send Origin. */
    private static void requireIntent(Headers headers, String method) {
        if (method.equals("GET") || method.equals("HEAD")) {
            return;
        }
        if (!"1".equals(headers.getFirst(INTENT_HEADER))) {
            throw ApiException.forbidden("a request that changes something must carry the header " + INTENT_HEADER
                    + ": 1");
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !authority(origin).equalsIgnoreCase(String.valueOf(headers.getFirst("Host")))) {
            throw ApiException.forbidden("the request comes from another site (" + origin + ")");
        }
    }

    private static String authority(String origin) {
        try {
            return Optional.ofNullable(new URI(origin).getRawAuthority()).orElse("");
        } catch (URISyntaxException e) {
            return "";
        }
    }

    private static Reply error(ApiException e) {
        return new Reply(e.status(), e.code(), e.toJson(), Optional.empty());
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        reply.cookie().ifPresent(c -> headers.add("Set-Cookie", c));
        headers.set("Cache-Control", "no-store");
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(reply.body());
        } catch (JacksonException e) {
            throw new IllegalStateException("could not write " + reply.body().getClass().getSimpleName()
                    + " as JSON", e);
        }
        headers.set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
