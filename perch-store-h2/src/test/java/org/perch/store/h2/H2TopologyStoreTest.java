package org.perch.store.h2;

import org.perch.store.tck.TopologyStoreContract;

class H2TopologyStoreTest extends H2StoreContracts implements TopologyStoreContract {
}
