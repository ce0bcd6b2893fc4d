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
 */
public record PoolDefinition(String name, List<String> mucServices, String store, Optional<String> backupStore,
                             Optional<String> complianceStore, Optional<String> fileStore,
                             List<ServerDefinition> servers) {

    public PoolDefinition {
        Objects.requireNonNull(name, "name");
        mucServices = List.copyOf(mucServices);
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(backupStore, "backupStore");
        Objects.requireNonNull(complianceStore, "complianceStore");
        Objects.requireNonNull(fileStore, "fileStore");
        servers = List.copyOf(servers);
    }

    public long activeServers() {
        return servers.stream().filter(s -> s.role() == ServerRole.ACTIVE).count();
    }
}
