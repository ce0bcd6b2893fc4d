package org.perch.cluster.topology;

import java.util.Arrays;
import java.util.Optional;

/** Lync's active and idle (inactive) servers: only active ones accept client connections (spec §9.8, §12.1). */
public enum ServerRole {
    ACTIVE("active"),
    IDLE("idle");

    private final String jsonName;

    ServerRole(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The word the topology file uses. */
    public String jsonName() {
        return jsonName;
    }

    static Optional<ServerRole> of(String jsonName) {
        return Arrays.stream(values()).filter(r -> r.jsonName.equals(jsonName)).findFirst();
    }
}
