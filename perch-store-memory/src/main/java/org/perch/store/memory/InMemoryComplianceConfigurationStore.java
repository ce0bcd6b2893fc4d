package org.perch.store.memory;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.perch.store.compliance.ComplianceConfiguration;
import org.perch.store.compliance.ComplianceConfigurationStore;

/** The compliance configuration in one atomic reference. */
final class InMemoryComplianceConfigurationStore implements ComplianceConfigurationStore {

    private final AtomicReference<ComplianceConfiguration> stored = new AtomicReference<>();

    @Override
    public Optional<ComplianceConfiguration> load() {
        return Optional.ofNullable(stored.get());
    }

    @Override
    public void save(ComplianceConfiguration configuration) {
        stored.set(configuration);
    }

    @Override
    public void clear() {
        stored.set(null);
    }
}
