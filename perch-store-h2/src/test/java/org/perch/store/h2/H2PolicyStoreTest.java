package org.perch.store.h2;

import org.perch.store.tck.PolicyStoreContract;

class H2PolicyStoreTest extends H2StoreContracts implements PolicyStoreContract {
}
