package org.perch.cluster.topology;

import java.util.Arrays;
import java.util.Optional;

/**
 * Lync's pool state (Set-CsPersistentChatState -PoolState, spec §12.6): a pool in its normal state keeps its rooms
 * in its chat store; a failed-over pool in its backup store, promoted after the loss of the first site.
 */
public enum PoolState {
    NORMAL("normal"),
    FAILED_OVER("failedOver");

    private final String jsonName;

    PoolState(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The word the topology file uses. */
    public String jsonName() {
        return jsonName;
    }

    static Optional<PoolState> of(String jsonName) {
        return Arrays.stream(values()).filter(s -> s.jsonName.equals(jsonName)).findFirst();
    }
}
