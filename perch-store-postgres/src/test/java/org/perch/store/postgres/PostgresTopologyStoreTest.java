package org.perch.store.postgres;

import org.perch.store.tck.TopologyStoreContract;

class PostgresTopologyStoreTest extends PostgresStoreContracts implements TopologyStoreContract {
}
