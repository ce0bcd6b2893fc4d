package org.perch.store.h2;

import org.perch.store.tck.NodeRegistryContract;

class H2NodeRegistryTest extends H2StoreContracts implements NodeRegistryContract {
}
