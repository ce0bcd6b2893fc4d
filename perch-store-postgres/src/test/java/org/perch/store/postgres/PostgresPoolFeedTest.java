package org.perch.store.postgres;

import org.perch.store.tck.PoolFeedContract;

class PostgresPoolFeedTest extends PostgresStoreContracts implements PoolFeedContract {
}
