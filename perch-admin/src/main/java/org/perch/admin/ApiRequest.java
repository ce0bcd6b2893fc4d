package org.perch.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Map;
import java.util.Optional;

/** One authenticated request, as a resource sees it: the caller, the path's named parts, the query, the body. */
public record ApiRequest(Caller caller, Map<String, String> path, Map<String, String> query, JsonNode body) {

    public ApiRequest {
        path = Map.copyOf(path);
        query = Map.copyOf(query);
        body = body == null ? NullNode.getInstance() : body;
    }

    public String path(String name) {
        String value = path.get(name);
        if (value == null) {
            throw new IllegalStateException("the route has no {" + name + "}");
        }
        return value;
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** A true/false query parameter, false when absent; anything else is an invalid field. */
    public boolean flag(String name) {
        return query(name).map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid(name, name + " is true or false; got '" + v + "'");
        }).orElse(false);
    }
}
