package org.perch.bench.pool;

/**
 * What is measured: {@code embedded}, one server on its embedded H2 store, or {@code pool-N}, N active servers of
 * one pool over PostgreSQL.
 */
record Configuration(String name, int servers) {

    static final Configuration EMBEDDED = new Configuration("embedded", 1);

    /** {@code embedded} or {@code pool-N} (N ≥ 1). */
    static Configuration parse(String name) {
        if (name.equals(EMBEDDED.name())) {
            return EMBEDDED;
        }
        if (name.matches("pool-[1-9][0-9]?")) {
            return new Configuration(name, Integer.parseInt(name.substring("pool-".length())));
        }
        throw new IllegalArgumentException("unknown configuration '" + name + "' (embedded, pool-1, pool-2 …)");
    }

    boolean pooled() {
        return !equals(EMBEDDED);
    }

    String describe() {
        return pooled() ? servers + (servers == 1 ? " server" : " servers") + " of a pool over PostgreSQL"
                : "one server on its embedded H2 store";
    }
}
