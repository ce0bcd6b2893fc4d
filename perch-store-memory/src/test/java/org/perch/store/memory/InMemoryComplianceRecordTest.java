package org.perch.store.memory;

import org.perch.store.compliance.ComplianceRecord;
import org.perch.store.tck.ComplianceRecordContract;

/** Not durable: "reopening" hands back the same object, which is what a restart test can ask of it. */
class InMemoryComplianceRecordTest implements ComplianceRecordContract {

    private final InMemoryComplianceRecord record = new InMemoryComplianceRecord();

    @Override
    public ComplianceRecord record() {
        return record;
    }

    @Override
    public ComplianceRecord reopen() {
        return record;
    }
}
