package org.perch.store.memory;

import java.util.function.Supplier;
import org.perch.store.AccountStore;
import org.perch.store.RosterStore;
import org.perch.store.Store;
import org.perch.store.chat.AddinStore;
import org.perch.store.chat.CategoryStore;
import org.perch.store.chat.ConfigurationStore;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PolicyStore;
import org.perch.store.chat.RoomStore;
import org.perch.store.compliance.ComplianceConfigurationStore;
import org.perch.store.compliance.ComplianceOutbox;

/** A store held in maps: thread-safe, fast, and forgotten on close. Use it in tests and for trying things out. */
public final class InMemoryStore implements Store {

    private final InMemoryRosterStore rosters = new InMemoryRosterStore();
    private final InMemoryPolicyStore policies = new InMemoryPolicyStore(jid -> accounts().find(jid).isPresent());
    private final InMemoryAccountStore accounts = new InMemoryAccountStore(rosters, policies);
    private final InMemoryCategoryStore categories = new InMemoryCategoryStore();
    private final InMemoryHistoryStore history = new InMemoryHistoryStore();
    private final InMemoryRoomStore rooms = new InMemoryRoomStore(categories, history);
    private final InMemoryAddinStore addins = new InMemoryAddinStore();
    private final InMemoryConfigurationStore configuration = new InMemoryConfigurationStore();
    private final InMemoryComplianceOutbox outbox = new InMemoryComplianceOutbox();
    private final InMemoryComplianceConfigurationStore complianceConfiguration =
            new InMemoryComplianceConfigurationStore();

    /** An empty store. */
    public InMemoryStore() {
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public RosterStore rosters() {
        return rosters;
    }

    @Override
    public CategoryStore categories() {
        return categories;
    }

    @Override
    public RoomStore rooms() {
        return rooms;
    }

    @Override
    public HistoryStore history() {
        return history;
    }

    @Override
    public AddinStore addins() {
        return addins;
    }

    @Override
    public ConfigurationStore configuration() {
        return configuration;
    }

    @Override
    public PolicyStore policies() {
        return policies;
    }

    @Override
    public ComplianceOutbox outbox() {
        return outbox;
    }

    @Override
    public ComplianceConfigurationStore complianceConfiguration() {
        return complianceConfiguration;
    }

    /** Each change applies as it is made; only the block's outbox events wait for it to return. */
    @Override
    public <T> T atomically(Supplier<T> work) {
        return outbox.atomically(work);
    }

    /** Nothing to release: the maps go with the last reference to this store. */
    @Override
    public void close() {
    }
}
