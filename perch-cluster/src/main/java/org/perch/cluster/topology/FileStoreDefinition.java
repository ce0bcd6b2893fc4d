package org.perch.cluster.topology;

import java.util.Objects;

/**
 * Where a pool keeps uploaded files (Lync's file store).
 *
 * @param name the file store's name in the topology
 * @param path the absolute path of its directory, the same on every server of the pool
 */
public record FileStoreDefinition(String name, String path) {

    public FileStoreDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }
}
