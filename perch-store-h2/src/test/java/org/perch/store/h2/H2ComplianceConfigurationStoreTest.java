package org.perch.store.h2;

import org.perch.store.tck.ComplianceConfigurationStoreContract;

class H2ComplianceConfigurationStoreTest extends H2StoreContracts implements ComplianceConfigurationStoreContract {
}
