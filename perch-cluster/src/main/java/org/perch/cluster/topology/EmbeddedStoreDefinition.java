package org.perch.cluster.topology;

import java.util.Objects;

/**
 * The embedded H2 store in a data directory: one process opens it, so it serves a pool of one server.
 *
 * @param name the store's name in the topology
 * @param dataDir the absolute path of the data directory ({@code perch serve --data-dir})
 */
public record EmbeddedStoreDefinition(String name, String dataDir) implements StoreDefinition {

    public static final String KIND = "embedded";

    public EmbeddedStoreDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataDir, "dataDir");
    }
}
