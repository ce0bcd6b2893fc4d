package org.perch.store.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.perch.core.Jid;
import org.perch.store.StoreException;
import org.perch.store.pep.PepItem;
import org.perch.store.pep.PepNode;
import org.perch.store.pep.PepNodeConfig;
import org.perch.store.pep.PepStore;

/** PEP nodes in maps, one lock for all: PEP traffic is light next to room traffic. */
final class InMemoryPepStore implements PepStore {

    private final Map<Jid, Map<String, NodeState>> owners = new HashMap<>();

    @Override
    public synchronized Optional<PepNode> node(Jid owner, String node) {
        return find(owner, node).map(s -> new PepNode(node, s.config));
    }

    @Override
    public synchronized List<PepNode> nodes(Jid owner) {
        return owners.getOrDefault(owner, Map.of()).entrySet().stream()
                .map(e -> new PepNode(e.getKey(), e.getValue().config)).toList();
    }

    @Override
    public synchronized boolean create(Jid owner, String node, PepNodeConfig config) {
        Map<String, NodeState> nodes = owners.computeIfAbsent(owner, o -> new TreeMap<>());
        return nodes.putIfAbsent(node, new NodeState(config)) == null;
    }

    @Override
    public synchronized boolean configure(Jid owner, String node, PepNodeConfig config) {
        Optional<NodeState> state = find(owner, node);
        state.ifPresent(s -> {
            s.config = config;
            s.trim();
        });
        return state.isPresent();
    }

    @Override
    public synchronized List<String> publish(Jid owner, String node, PepItem item) {
        NodeState state = find(owner, node).orElseThrow(() -> new StoreException(
                "could not publish to node " + node + " of " + owner + ": there is no such node"));
        state.items.remove(item.id());
        state.items.put(item.id(), item);
        return state.trim();
    }

    @Override
    public synchronized List<PepItem> items(Jid owner, String node, int max) {
        List<PepItem> all = find(owner, node).map(s -> List.copyOf(s.items.values())).orElse(List.of());
        return all.subList(Math.max(0, all.size() - max), all.size());
    }

    @Override
    public synchronized Optional<PepItem> item(Jid owner, String node, String itemId) {
        return find(owner, node).map(s -> s.items.get(itemId));
    }

    @Override
    public synchronized boolean retract(Jid owner, String node, String itemId) {
        return find(owner, node).map(s -> s.items.remove(itemId) != null).orElse(false);
    }

    @Override
    public synchronized int purge(Jid owner, String node) {
        return find(owner, node).map(s -> {
            int n = s.items.size();
            s.items.clear();
            return n;
        }).orElse(0);
    }

    @Override
    public synchronized boolean delete(Jid owner, String node) {
        Map<String, NodeState> nodes = owners.get(owner);
        return nodes != null && nodes.remove(node) != null;
    }

    /** Forgets the owner's nodes; called when the owner's account is deleted. */
    synchronized void removeOwner(Jid owner) {
        owners.remove(owner);
    }

    private Optional<NodeState> find(Jid owner, String node) {
        return Optional.ofNullable(owners.getOrDefault(owner, Map.of()).get(node));
    }

    /** A node's configuration and its items, oldest first. */
    private static final class NodeState {
        PepNodeConfig config;
        final LinkedHashMap<String, PepItem> items = new LinkedHashMap<>();

        NodeState(PepNodeConfig config) {
            this.config = config;
        }

        /** Drops the oldest items beyond the maximum and returns their ids. */
        List<String> trim() {
            List<String> dropped = new ArrayList<>();
            var it = items.keySet().iterator();
            while (items.size() - dropped.size() > config.maxItems() && it.hasNext()) {
                dropped.add(it.next());
            }
            dropped.forEach(items::remove);
            return dropped;
        }
    }
}
