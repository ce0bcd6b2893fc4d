package org.perch.store.h2;

import org.perch.store.tck.RoomStoreContract;

class H2RoomStoreTest extends H2StoreContracts implements RoomStoreContract {
}
