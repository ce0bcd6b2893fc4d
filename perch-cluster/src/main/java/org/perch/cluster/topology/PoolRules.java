package org.perch.cluster.topology;

import java.util.HashMap;
import java.util.Map;

/** The pools: at least one, names unique, and each pool's servers: at least one, not too many active. */
final class PoolRules {

    private PoolRules() {
    }

    static void check(Validation v) {
        Topology topology = v.topology();
        if (topology.pools().isEmpty() && v.source().allPoolsRead()) {
            v.problems().error(JsonPath.ROOT.key("pools"), "no pool: a topology needs at least one");
        }
        int maxActive = topology.maxActiveServersPerPool();
        if (maxActive < 1) {
            v.problems().error(JsonPath.ROOT.key("maxActiveServersPerPool"), "maxActiveServersPerPool must be 1 or"
                    + " more, found " + maxActive);
        }
        Map<String, JsonPath> names = new HashMap<>();
        for (int i = 0; i < topology.pools().size(); i++) {
            PoolDefinition pool = v.pool(i);
            JsonPath name = v.poolPath(i).key("name");
            JsonPath first = names.putIfAbsent(pool.name(), name);
            if (!Validation.isName(pool.name())) {
                v.problems().error(name, "pool name '" + pool.name() + "' must be " + Validation.NAME_RULE);
            } else if (first != null) {
                v.problems().error(name, "pool name '" + pool.name() + "' is already taken (" + v.where(first)
                        + "): pool names must be unique");
            }
            servers(v, i, maxActive);
            if (pool.state() == PoolState.FAILED_OVER && pool.backupStore().isEmpty()) {
                v.problems().error(v.poolPath(i).key("state"), "pool '" + pool.name() + "' is "
                        + PoolState.FAILED_OVER.jsonName() + " but has no backupStore to run on: name it, or set the"
                        + " state to " + PoolState.NORMAL.jsonName());
            }
        }
    }

    private static void servers(Validation v, int index, int maxActive) {
        PoolDefinition pool = v.pool(index);
        JsonPath servers = v.poolPath(index).key("servers");
        boolean allRead = v.source().pools().get(index).allServersRead();
        long active = pool.activeServers();
        if (allRead && pool.servers().isEmpty()) {
            v.problems().error(servers, "pool '" + pool.name() + "' has no server: a pool needs at least one");
        } else if (allRead && active == 0) {
            v.problems().warning(servers, "pool '" + pool.name() + "' has no active server, so none accepts"
                    + " connections until one is activated: right for a disaster-recovery standby pool, otherwise"
                    + " make one active");
        }
        if (maxActive >= 1 && active > maxActive) {
            v.problems().error(servers, "pool '" + pool.name() + "' has " + active + " active servers; at most "
                    + maxActive + " may be active (maxActiveServersPerPool): make the others idle");
        }
    }
}
