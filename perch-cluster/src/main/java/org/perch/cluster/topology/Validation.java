package org.perch.cluster.topology;

import java.util.regex.Pattern;

/** What each group of rules works on: the model, where its elements are in the file, and the problems so far. */
record Validation(Topology topology, TopologySource source, Problems problems) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,63}");
    static final String NAME_RULE = "1 to 63 lowercase letters, digits and hyphens";

    /** Whether {@code name} is fit to name a pool, server or store: it is typed on command lines. */
    static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    PoolDefinition pool(int pool) {
        return topology.pools().get(pool);
    }

    JsonPath poolPath(int pool) {
        return source.pool(pool);
    }

    JsonPath serverPath(int pool, int server) {
        return source.server(pool, server);
    }

    /** A path with its line, to point from one problem at the element it clashes with. */
    String where(JsonPath path) {
        return path + ", line " + source.map().locate(path).line();
    }
}
