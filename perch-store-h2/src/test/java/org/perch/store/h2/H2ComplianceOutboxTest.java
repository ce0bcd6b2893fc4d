package org.perch.store.h2;

import org.perch.store.tck.ComplianceOutboxContract;

class H2ComplianceOutboxTest extends H2StoreContracts implements ComplianceOutboxContract {
}
