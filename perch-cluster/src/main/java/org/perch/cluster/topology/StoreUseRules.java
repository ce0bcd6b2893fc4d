package org.perch.cluster.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How pools use stores: each name defined; each database with one use in the whole topology (a pool's chat store
 * serves that pool alone, a backup store is one chat store's replica), except that pools may share a compliance
 * store; an embedded store serves one server and is never a backup.
 */
final class StoreUseRules {

    private StoreUseRules() {
    }

    /**
     * One pool's use of one store, where the pool names it. The definition is empty for a store the file declares
     * but the parser could not read: its name still clashes with another use of the same name.
     */
    private record Use(int pool, StoreRole role, String name, Optional<StoreDefinition> store, JsonPath path) {
    }

    static void check(Validation v) {
        List<Use> uses = new ArrayList<>();
        for (int i = 0; i < v.topology().pools().size(); i++) {
            references(v, i, uses);
        }
        for (int k = 0; k < uses.size(); k++) {
            Use use = uses.get(k);
            if (use.store().filter(EmbeddedStoreDefinition.class::isInstance).isPresent()) {
                embedded(v, use);
            }
            for (Use earlier : uses.subList(0, k)) {
                if (clash(earlier, use)) {
                    v.problems().error(use.path(), shared(v, earlier, use));
                    break;
                }
            }
        }
    }

    /** Adds the pool's uses of declared stores; reports the names nothing declares. */
    private static void references(Validation v, int pool, List<Use> uses) {
        for (StoreRole role : StoreRole.values()) {
            JsonPath path = v.poolPath(pool).key(role.key());
            role.of(v.pool(pool)).ifPresent(name -> {
                if (v.source().storeNames().contains(name)) {
                    uses.add(new Use(pool, role, name, v.topology().store(name), path));
                } else {
                    unknown(v, path, "store", name, v.source().storeNames());
                }
            });
        }
        v.pool(pool).fileStore().filter(name -> !v.source().fileStoreNames().contains(name))
                .ifPresent(name -> unknown(v, v.poolPath(pool).key("fileStore"), "file store", name,
                        v.source().fileStoreNames()));
    }

    private static void unknown(Validation v, JsonPath path, String what, String name, Set<String> defined) {
        String hint = Typo.closest(name, defined).map(d -> "; did you mean '" + d + "'?").orElse("");
        v.problems().error(path, "unknown " + what + " '" + name + "'" + hint + " (defined: "
                + (defined.isEmpty() ? "none" : String.join(", ", defined.stream().sorted().toList())) + ")");
    }

    private static boolean clash(Use earlier, Use later) {
        boolean bothCompliance = earlier.role() == StoreRole.COMPLIANCE && later.role() == StoreRole.COMPLIANCE;
        return !bothCompliance && (earlier.name().equals(later.name()) || earlier.store().isPresent()
                && later.store().isPresent() && Databases.same(earlier.store().get(), later.store().get()));
    }

    private static String shared(Validation v, Use earlier, Use later) {
        String subject = earlier.name().equals(later.name())
                ? "store '" + later.name() + "' is already"
                : "store '" + later.name() + "' is the same database as store '" + earlier.name() + "',";
        String owner = earlier.pool() == later.pool() ? "this pool" : "pool '" + v.pool(earlier.pool()).name() + "'";
        return subject + " the " + earlier.role().label() + " of " + owner + " (" + v.where(earlier.path()) + "): "
                + reason(earlier, later);
    }

    private static String reason(Use earlier, Use later) {
        if (earlier.role() == StoreRole.CHAT && later.role() == StoreRole.CHAT) {
            return "two pools cannot share a chat store";
        }
        if (earlier.role() == StoreRole.BACKUP || later.role() == StoreRole.BACKUP) {
            return "a backup store is the replica of one pool's chat store and serves nothing else";
        }
        if (earlier.pool() == later.pool()) {
            return "the compliance store must be a database apart from the chat store";
        }
        return "a pool's chat store serves that pool alone";
    }

    private static void embedded(Validation v, Use use) {
        String subject = "store '" + use.name() + "' is embedded (H2, opened by one process)";
        if (use.role() == StoreRole.BACKUP) {
            v.problems().error(use.path(), subject + ": it cannot be a backup store, which is a replica fed by"
                    + " PostgreSQL replication; use a postgresql store");
            return;
        }
        int servers = v.pool(use.pool()).servers().size();
        if (servers > 1) {
            v.problems().error(use.path(), subject + ": it serves a pool of one server, and pool '"
                    + v.pool(use.pool()).name() + "' has " + servers + "; use a postgresql store");
        }
    }
}
