package org.perch.cluster.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys an object of the topology file may have.
 *
 * @param what how messages name the object: "a server"
 */
record Shape(String what, List<String> required, List<String> optional) {

    static final Shape TOPOLOGY = new Shape("the topology", List.of("schemaVersion", "domain", "stores", "pools"),
            List.of("maxActiveServersPerPool", "fileStores"));
    static final Shape POOL = new Shape("a pool", List.of("name", "mucServices", "store", "servers"),
            List.of("backupStore", "complianceStore", "fileStore", "state"));
    static final Shape SERVER = new Shape("a server", List.of("name", "host", "role"), List.of("clientPort"));
    static final Shape POSTGRES_STORE = new Shape("a postgresql store", List.of("kind", "url", "user",
            "passwordFile"), List.of());
    static final Shape EMBEDDED_STORE = new Shape("an embedded store", List.of("kind", "dataDir"), List.of());
    static final Shape FILE_STORE = new Shape("a file store", List.of("path"), List.of());

    Shape {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
    }

    boolean allows(String key) {
        return required.contains(key) || optional.contains(key);
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>(required);
        keys.addAll(optional);
        return keys;
    }

    /** The allowed key a mistyped one most likely meant: at most two letters off. */
    Optional<String> closest(String key) {
        return Typo.closest(key, keys());
    }
}
