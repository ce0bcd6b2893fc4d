package org.perch.store.postgres;

import org.perch.store.tck.RosterStoreContract;

class PostgresRosterStoreTest extends PostgresStoreContracts implements RosterStoreContract {
}
