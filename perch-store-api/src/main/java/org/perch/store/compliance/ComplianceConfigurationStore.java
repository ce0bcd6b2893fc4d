package org.perch.store.compliance;

import java.util.Optional;

/** The deployment's {@link ComplianceConfiguration}, once an administrator has set it; in the chat store. */
public interface ComplianceConfigurationStore {

    /** The stored configuration; empty until one is saved, and after {@link #clear()}. */
    Optional<ComplianceConfiguration> load();

    /** Stores the configuration in place of any before it. */
    void save(ComplianceConfiguration configuration);

    /** Forgets the stored configuration: Lync's defaults, compliance off, apply again. */
    void clear();
}
