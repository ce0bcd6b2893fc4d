package org.perch.store.h2;

import org.perch.store.tck.RosterStoreContract;

class H2RosterStoreTest extends H2StoreContracts implements RosterStoreContract {
}
