package org.perch.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The API's routes: a method and a path template ({@code /api/v1/categories/{name}}) each. Matching is by whole
 * segments; a named segment matches any one non-empty segment, decoded.
 */
public final class Routes {

    /** What a route runs; a refusal is an {@link ApiException} (or a domain exception the caller maps). */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    public record Route(String method, String template, Handler handler) {
        List<String> segments() {
            return segmentsOf(template);
        }
    }

    /** A route found for a request, with the values of its named segments. */
    public record Match(Route route, Map<String, String> path) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Routes add(String method, String template, Handler handler) {
        routes.add(new Route(method, template, handler));
        return this;
    }

    public List<Route> all() {
        return List.copyOf(routes);
    }

    /**
     * The route for the method and decoded path segments. Empty when no template matches the path (404); a
     * {@link ApiException} 405 naming the allowed methods when some do but not for this method.
     */
    public Optional<Match> find(String method, List<String> path) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> values = match(route.segments(), path);
            if (values.isPresent()) {
                if (route.method().equals(method)) {
                    return Optional.of(new Match(route, values.get()));
                }
                allowed.add(route.method());
            }
        }
        if (!allowed.isEmpty()) {
            throw new ApiException(405, "method-not-allowed", method + " is not allowed here; allowed: "
                    + String.join(", ", allowed), null);
        }
        return Optional.empty();
    }

    private static Optional<Map<String, String>> match(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                values.put(t.substring(1, t.length() - 1), path.get(i));
            } else if (!t.equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    public static List<String> segmentsOf(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return segments;
    }
}
