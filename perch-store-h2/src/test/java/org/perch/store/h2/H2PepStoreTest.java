package org.perch.store.h2;

import org.perch.store.tck.PepStoreContract;

class H2PepStoreTest extends H2StoreContracts implements PepStoreContract {
}
