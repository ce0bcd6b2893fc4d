package org.perch.store.postgres;

import org.perch.store.compliance.ComplianceRecord;
import org.perch.store.tck.ComplianceRecordContract;

class PostgresComplianceRecordTest implements ComplianceRecordContract {

    private final PostgresSettings database = TestPostgres.freshDatabase();
    private ComplianceRecord record;

    @Override
    public ComplianceRecord record() {
        if (record == null) {
            record = PostgresStore.openComplianceRecord(database);
        }
        return record;
    }

    @Override
    public ComplianceRecord reopen() {
        record().close();
        record = PostgresStore.openComplianceRecord(database);
        return record;
    }
}
