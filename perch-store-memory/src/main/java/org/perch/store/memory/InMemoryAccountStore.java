package org.perch.store.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.perch.core.Jid;
import org.perch.store.Account;
import org.perch.store.AccountStore;
import org.perch.store.ScramCredential;
import org.perch.store.ScramMechanism;

/** Accounts in a concurrent map; each method is one atomic map operation. */
final class InMemoryAccountStore implements AccountStore {

    private final Map<Jid, Account> accounts = new ConcurrentHashMap<>();
    private final InMemoryRosterStore rosters;
    private final InMemoryPepStore pep;
    private final InMemoryPolicyStore policies;
    private final InMemoryTopicFeedStore topicFeeds;

    InMemoryAccountStore(InMemoryRosterStore rosters, InMemoryPolicyStore policies, InMemoryPepStore pep,
                         InMemoryTopicFeedStore topicFeeds) {
        this.rosters = rosters;
        this.pep = pep;
        this.topicFeeds = topicFeeds;
        this.policies = policies;
    }

    @Override
    public boolean create(Account account) {
        return accounts.putIfAbsent(account.jid(), account) == null;
    }

    @Override
    public Optional<Account> find(Jid jid) {
        return Optional.ofNullable(accounts.get(jid));
    }

    @Override
    public boolean updateCredentials(Jid jid, Map<ScramMechanism, ScramCredential> credentials) {
        return accounts.computeIfPresent(jid, (j, a) -> a.withCredentials(credentials)) != null;
    }

    @Override
    public boolean setAdmin(Jid jid, boolean admin) {
        return accounts.computeIfPresent(jid, (j, a) -> a.withAdmin(admin)) != null;
    }

    @Override
    public boolean delete(Jid jid) {
        boolean existed = accounts.remove(jid) != null;
        rosters.removeOwner(jid);
        pep.removeOwner(jid);
        topicFeeds.removeOwner(jid);
        policies.removeUser(jid);
        return existed;
    }

    @Override
    public List<Jid> list() {
        return accounts.keySet().stream().sorted(Comparator.comparing(Jid::toString)).toList();
    }
}
