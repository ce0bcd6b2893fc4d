package org.perch.cluster.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployment's pools, their servers and the stores they use, as the topology file describes them. The records
 * hold what the file says, valid or not: {@link TopologyValidator} says whether it makes a topology that can be
 * published, so that every problem is reported at once rather than the first one thrown.
 *
 * @param domain the XMPP domain users belong to
 * @param maxActiveServersPerPool how many servers of one pool may be active at once
 * @param stores the databases, by name, in file order
 * @param fileStores the file stores, by name, in file order
 * @param pools the pools, in file order
 */
public record Topology(String domain, int maxActiveServersPerPool, Map<String, StoreDefinition> stores,
                       Map<String, FileStoreDefinition> fileStores, List<PoolDefinition> pools) {

    /** The only schema this Perch reads. */
    public static final int SCHEMA_VERSION = 1;
    public static final int DEFAULT_MAX_ACTIVE_SERVERS_PER_POOL = 16;

    public Topology {
        Objects.requireNonNull(domain, "domain");
        stores = Collections.unmodifiableMap(new LinkedHashMap<>(stores));
        fileStores = Collections.unmodifiableMap(new LinkedHashMap<>(fileStores));
        pools = List.copyOf(pools);
    }

    public Optional<StoreDefinition> store(String name) {
        return Optional.ofNullable(stores.get(name));
    }
}
