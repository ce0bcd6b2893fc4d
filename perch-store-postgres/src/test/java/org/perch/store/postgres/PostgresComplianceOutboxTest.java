package org.perch.store.postgres;

import org.perch.store.tck.ComplianceOutboxContract;

class PostgresComplianceOutboxTest extends PostgresStoreContracts implements ComplianceOutboxContract {
}
