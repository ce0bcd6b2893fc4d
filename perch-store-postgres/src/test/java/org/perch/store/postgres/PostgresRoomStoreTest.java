package org.perch.store.postgres;

import org.perch.store.tck.RoomStoreContract;

class PostgresRoomStoreTest extends PostgresStoreContracts implements RoomStoreContract {
}
