package org.perch.store.memory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.perch.core.Jid;
import org.perch.store.chat.ChatPolicy;
import org.perch.store.chat.PolicyAssignment;
import org.perch.store.chat.PolicyIdentity;
import org.perch.store.chat.PolicyStore;

/** Policies and grants in maps guarded by this store's monitor, so a check and its change are one step. */
final class InMemoryPolicyStore implements PolicyStore {

    private final Map<String, ChatPolicy> byKey = new HashMap<>();
    private final Map<Jid, PolicyIdentity.Tag> grants = new TreeMap<>(Comparator.comparing(Jid::toString));
    private final Predicate<Jid> accountExists;

    InMemoryPolicyStore(Predicate<Jid> accountExists) {
        this.accountExists = accountExists;
        byKey.put(PolicyIdentity.GLOBAL.key(), ChatPolicy.GLOBAL_DEFAULT);
    }

    @Override
    public synchronized boolean create(ChatPolicy policy) {
        return byKey.putIfAbsent(policy.identity().key(), policy) == null;
    }

    @Override
    public synchronized Optional<ChatPolicy> find(PolicyIdentity identity) {
        return Optional.ofNullable(byKey.get(identity.key()));
    }

    @Override
    public synchronized List<ChatPolicy> list() {
        return byKey.values().stream().sorted(Comparator.comparing(ChatPolicy::identity, PolicyIdentity.ORDER))
                .toList();
    }

    @Override
    public synchronized boolean update(ChatPolicy policy) {
        String key = policy.identity().key();
        if (!byKey.containsKey(key)) {
            return false;
        }
        byKey.put(key, policy);
        if (policy.identity() instanceof PolicyIdentity.Tag renamed) {
            grants.replaceAll((user, tag) -> tag.key().equals(key) ? renamed : tag);
        }
        return true;
    }

    @Override
    public synchronized boolean delete(PolicyIdentity identity) {
        if (identity instanceof PolicyIdentity.Global || byKey.remove(identity.key()) == null) {
            return false;
        }
        grants.values().removeIf(tag -> tag.key().equals(identity.key()));
        return true;
    }

    @Override
    public synchronized boolean grant(Jid user, PolicyIdentity.Tag policy) {
        ChatPolicy stored = byKey.get(policy.key());
        if (stored == null || !accountExists.test(user.toBare())) {
            return false;
        }
        grants.put(user.toBare(), (PolicyIdentity.Tag) stored.identity());
        return true;
    }

    @Override
    public synchronized boolean revoke(Jid user) {
        return grants.remove(user.toBare()) != null;
    }

    @Override
    public synchronized Optional<PolicyIdentity.Tag> grantOf(Jid user) {
        return Optional.ofNullable(grants.get(user.toBare()));
    }

    @Override
    public synchronized List<PolicyAssignment> grants() {
        return grants.entrySet().stream().map(e -> new PolicyAssignment(e.getKey(), e.getValue())).toList();
    }

    /** The account is gone: so is its grant. */
    synchronized void removeUser(Jid user) {
        grants.remove(user.toBare());
    }
}
