package org.perch.store.h2;

import org.perch.store.tck.AccountStoreContract;

class H2AccountStoreTest extends H2StoreContracts implements AccountStoreContract {
}
