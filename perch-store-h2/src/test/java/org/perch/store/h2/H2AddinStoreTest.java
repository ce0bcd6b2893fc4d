package org.perch.store.h2;

import org.perch.store.tck.AddinStoreContract;

class H2AddinStoreTest extends H2StoreContracts implements AddinStoreContract {
}
