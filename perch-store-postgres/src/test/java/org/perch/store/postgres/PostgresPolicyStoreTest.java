package org.perch.store.postgres;

import org.perch.store.tck.PolicyStoreContract;

class PostgresPolicyStoreTest extends PostgresStoreContracts implements PolicyStoreContract {
}
