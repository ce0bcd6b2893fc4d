package org.perch.store.postgres;

import org.perch.store.tck.ComplianceConfigurationStoreContract;

class PostgresComplianceConfigurationStoreTest extends PostgresStoreContracts
        implements ComplianceConfigurationStoreContract {
}
