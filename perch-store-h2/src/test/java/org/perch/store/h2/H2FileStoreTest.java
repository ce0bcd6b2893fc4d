package org.perch.store.h2;

import org.perch.store.tck.FileStoreContract;

class H2FileStoreTest extends H2StoreContracts implements FileStoreContract {
}
