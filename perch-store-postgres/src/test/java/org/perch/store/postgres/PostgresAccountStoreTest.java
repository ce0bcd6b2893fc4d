package org.perch.store.postgres;

import org.perch.store.tck.AccountStoreContract;

class PostgresAccountStoreTest extends PostgresStoreContracts implements AccountStoreContract {
}
