package org.perch.admin;

import java.util.Optional;
import java.util.Set;

/** A request's query parameters, read so that every refusal names the parameter at fault. */
final class QueryParams {

    private QueryParams() {
    }

    /** Refuses any parameter not in {@code known}: a misspelt filter must not silently match everything. */
    static void only(ApiRequest request, Set<String> known) {
        for (String name : request.query().keySet()) {
            if (!known.contains(name)) {
                throw ApiException.invalid(name, "unknown parameter '" + name + "'; known: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    /** A count such as Lync's -ResultSize: a whole number from 0 to 2147483647. */
    static Optional<Integer> count(ApiRequest request, String name) {
        return request.query(name).map(value -> {
            try {
                int n = Integer.parseInt(value);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // refused below, with the same words as a negative number
            }
            throw ApiException.invalid(name, name + " is a whole number from 0 to " + Integer.MAX_VALUE + "; got '"
                    + value + "'");
        });
    }

    /** A parameter that, when given, may not be empty. */
    static Optional<String> text(ApiRequest request, String name) {
        Optional<String> value = request.query(name);
        if (value.isPresent() && value.get().isEmpty()) {
            throw ApiException.invalid(name, name + " is empty");
        }
        return value;
    }
}
