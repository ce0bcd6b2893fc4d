package org.perch.cluster.topology;

import java.util.Optional;

/** What a pool uses a store for: the keys of a pool that name a store. */
enum StoreRole {
    CHAT("store", "chat store"),
    BACKUP("backupStore", "backup store"),
    COMPLIANCE("complianceStore", "compliance store");

    private final String key;
    private final String label;

    StoreRole(String key, String label) {
        this.key = key;
        this.label = label;
    }

    String key() {
        return key;
    }

    String label() {
        return label;
    }

    /** The name of the store {@code pool} uses in this role, if it names one. */
    Optional<String> of(PoolDefinition pool) {
        return switch (this) {
            case CHAT -> Optional.of(pool.store());
            case BACKUP -> pool.backupStore();
            case COMPLIANCE -> pool.complianceStore();
        };
    }
}
