package org.perch.store.postgres;

import org.perch.store.tck.NodeRegistryContract;

class PostgresNodeRegistryTest extends PostgresStoreContracts implements NodeRegistryContract {
}
