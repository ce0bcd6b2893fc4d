package org.perch.cluster.topology;

import java.util.List;
import java.util.Set;

/**
 * Where the elements of a parsed {@link Topology} sit in the file, and what the file declares that the parser could
 * not read, so that the validator points at the right place and stays silent about what is already reported.
 *
 * @param pools the origin of each pool of the model, in the model's order
 * @param allPoolsRead whether the model holds every pool of the file
 * @param storeNames every name under {@code stores}, read or not
 * @param fileStoreNames every name under {@code fileStores}, read or not
 */
record TopologySource(SourceMap map, List<PoolOrigin> pools, boolean allPoolsRead, Set<String> storeNames,
                      Set<String> fileStoreNames) {

    TopologySource {
        pools = List.copyOf(pools);
        storeNames = Set.copyOf(storeNames);
        fileStoreNames = Set.copyOf(fileStoreNames);
    }

    JsonPath pool(int pool) {
        return pools.get(pool).path();
    }

    JsonPath server(int pool, int server) {
        return pools.get(pool).servers().get(server);
    }

    /**
     * Where one pool of the model came from.
     *
     * @param servers the path of each server the model holds, in its order
     * @param allServersRead whether the model holds every server the file gives the pool
     */
    record PoolOrigin(JsonPath path, List<JsonPath> servers, boolean allServersRead) {
        PoolOrigin {
            servers = List.copyOf(servers);
        }
    }
}
