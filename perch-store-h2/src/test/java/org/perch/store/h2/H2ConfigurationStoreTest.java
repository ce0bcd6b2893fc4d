package org.perch.store.h2;

import org.perch.store.tck.ConfigurationStoreContract;

class H2ConfigurationStoreTest extends H2StoreContracts implements ConfigurationStoreContract {
}
