package org.perch.store.memory;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.perch.store.chat.ChatConfiguration;
import org.perch.store.chat.ConfigurationStore;

/** The configuration in one reference. */
final class InMemoryConfigurationStore implements ConfigurationStore {

    private final AtomicReference<ChatConfiguration> stored = new AtomicReference<>();

    @Override
    public Optional<ChatConfiguration> load() {
        return Optional.ofNullable(stored.get());
    }

    @Override
    public void save(ChatConfiguration configuration) {
        stored.set(java.util.Objects.requireNonNull(configuration, "configuration"));
    }

    @Override
    public void clear() {
        stored.set(null);
    }
}
