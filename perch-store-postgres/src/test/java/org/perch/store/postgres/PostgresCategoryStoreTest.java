package org.perch.store.postgres;

import org.perch.store.tck.CategoryStoreContract;

class PostgresCategoryStoreTest extends PostgresStoreContracts implements CategoryStoreContract {
}
