package org.perch.store.postgres;

import org.perch.store.tck.AddinStoreContract;

class PostgresAddinStoreTest extends PostgresStoreContracts implements AddinStoreContract {
}
