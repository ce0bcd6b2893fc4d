package org.perch.store.postgres;

import org.perch.store.tck.ConfigurationStoreContract;

class PostgresConfigurationStoreTest extends PostgresStoreContracts implements ConfigurationStoreContract {
}
