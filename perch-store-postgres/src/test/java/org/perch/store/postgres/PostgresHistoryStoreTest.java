package org.perch.store.postgres;

import org.perch.store.tck.HistoryStoreContract;

class PostgresHistoryStoreTest extends PostgresStoreContracts implements HistoryStoreContract {
}
