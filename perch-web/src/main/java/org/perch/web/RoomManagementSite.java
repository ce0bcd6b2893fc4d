package org.perch.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.perch.admin.HttpListener;
import org.perch.admin.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room management page's listener (Lync's RoomManagementUrl): the page at {@value #PAGE}, its JSON API under
 * {@value WebApi#PREFIX}, on the JDK's HTTP(S) server with a virtual thread per request. {@code /} leads to the
 * page; every other path is 404. Every answer carries the {@link SecurityHeaders}.
 */
public final class RoomManagementSite implements AutoCloseable {

    /** Where the page is; what administrators set RoomManagementUrl to, after the host and port. */
    public static final String PAGE = "/rooms/";
    private static final Logger LOG = LoggerFactory.getLogger(RoomManagementSite.class);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final WebApi api;
    private final StaticFiles files = StaticFiles.load();

    private RoomManagementSite(HttpServer server, WebApi api) {
        this.server = server;
        this.api = api;
    }

    /**
     * Binds and starts the page.
     *
     * @param tls the server's TLS context, or empty to serve plain HTTP (only behind a TLS-terminating proxy: the
     *     session cookie is {@code Secure}, so browsers keep it only over HTTPS)
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static RoomManagementSite start(String bindAddress, int port, Optional<SSLContext> tls,
                                           WebServices services) {
        HttpServer server = HttpListener.bind(bindAddress, port, tls, "the room management page");
        WebSessions sessions = new WebSessions(new SecureRandom(), services.clock());
        Routes routes = new Routes();
        WebApi.registerSession(routes);
        new MyRoomsResource(services.chat(), services.mucDomain()).register(routes);
        new TopicFeedsResource(services.chat(), services.topicFeeds(), services.mucDomain()).register(routes);
        WebApi api = new WebApi(new SessionEndpoint(services.passwords(), services.signInGate(), sessions), routes);
        RoomManagementSite site = new RoomManagementSite(server, api);
        server.setExecutor(site.executor);
        server.createContext("/", site::serve);
        server.start();
        return site;
    }

    /** The port the page listens on (the bound one, when 0 was asked for). */
    public int port() {
        return server.getAddress().getPort();
    }

    public boolean tls() {
        return server instanceof HttpsServer;
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            SecurityHeaders.addTo(exchange.getResponseHeaders());
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith(WebApi.PREFIX)) {
                api.serve(exchange);
            } else if (path.equals("/") || path.equals("/rooms")) {
                exchange.getResponseHeaders().set("Location", PAGE);
                exchange.sendResponseHeaders(303, -1);
            } else if (path.startsWith(PAGE)) {
                page(exchange, path.substring(PAGE.length()));
            } else {
                text(exchange, 404, "Not found. The room management page is at " + PAGE + "\n");
            }
        } catch (IOException e) {
            LOG.debug("room management page: the client went away before the answer", e);
        }
    }

    private void page(HttpExchange exchange, String name) throws IOException {
        Optional<StaticFiles.File> file = files.find(name);
        if (file.isEmpty()) {
            text(exchange, 404, "Not found. The room management page is at " + PAGE + "\n");
            return;
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            text(exchange, 405, "Only GET is allowed here.\n");
            return;
        }
        // Revalidated on every load, so a new server version's page is never mixed with an old script.
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        send(exchange, 200, file.get().contentType(), file.get().bytes());
    }

    private static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops taking requests, lets those under way finish for up to a second, and stops. */
    @Override
    public void close() {
        server.stop(1);
        executor.close();
    }
}
