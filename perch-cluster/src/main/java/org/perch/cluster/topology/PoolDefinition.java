package org.perch.cluster.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pool: front-end servers sharing one chat store, serving the rooms of its MUC services.
 *
 * @param name the pool's name, unique in the topology
 * @param mucServices the MUC service domains whose categories and rooms live in this pool's store
 * @param store the name of the chat store
 * @param backupStore the name of the disaster-recovery copy of the chat store, if any
 * @param complianceStore the name of the compliance database, if compliance is deployed
 * @param fileStore the name of the file store, if any
 * @param servers the front-end servers, active or idle
 * @param state whether the pool runs on its chat store or, failed over, on its backup store
 */
public record PoolDefinition(String name, List<String> mucServices, String store, Optional<String> backupStore,
                             Optional<String> complianceStore, Optional<String> fileStore,
                             List<ServerDefinition> servers, PoolState state) {

    public PoolDefinition {
        Objects.requireNonNull(name, "name");
        mucServices = List.copyOf(mucServices);
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(backupStore, "backupStore");
        Objects.requireNonNull(complianceStore, "complianceStore");
        Objects.requireNonNull(fileStore, "fileStore");
        servers = List.copyOf(servers);
        Objects.requireNonNull(state, "state");
    }

    /** The store that holds the pool's rooms now: the backup store once the pool has failed over. */
    public String currentStore() {
        return state == PoolState.FAILED_OVER ? backupStore.orElse(store) : store;
    }

    public long activeServers() {
        return servers.stream().filter(s -> s.role() == ServerRole.ACTIVE).count();
    }
}
