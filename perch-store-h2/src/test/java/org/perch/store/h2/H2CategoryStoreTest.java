package org.perch.store.h2;

import org.perch.store.tck.CategoryStoreContract;

class H2CategoryStoreTest extends H2StoreContracts implements CategoryStoreContract {
}
