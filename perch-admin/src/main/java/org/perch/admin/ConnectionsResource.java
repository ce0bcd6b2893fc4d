package org.perch.admin;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Perch's own {@code GET /api/v1/connections}: the client connections open now and what the connection limits have
 * done since the server started (connections each limit closed, stanzas the rate slowed, the largest backlogs one
 * connection reached), for an operator to watch.
 */
final class ConnectionsResource {

    static final String PATH = "/api/v1/connections";

    private final Supplier<Map<String, Long>> figures;

    ConnectionsResource(Supplier<Map<String, Long>> figures) {
        this.figures = figures;
    }

    void register(Routes routes) {
        routes.add("GET", PATH, r -> ApiResponse.ok(figures.get()));
    }
}
