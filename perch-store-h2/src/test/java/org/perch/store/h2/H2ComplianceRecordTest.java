package org.perch.store.h2;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.perch.store.compliance.ComplianceRecord;
import org.perch.store.tck.ComplianceRecordContract;

class H2ComplianceRecordTest implements ComplianceRecordContract {

    @TempDir
    Path dataDir;
    private ComplianceRecord record;

    @Override
    public ComplianceRecord record() {
        if (record == null) {
            record = H2Store.openComplianceRecord(dataDir);
        }
        return record;
    }

    @Override
    public ComplianceRecord reopen() {
        record().close();
        record = H2Store.openComplianceRecord(dataDir);
        return record;
    }
}
