package org.perch.store.h2;

import org.perch.store.tck.PoolFeedContract;

class H2PoolFeedTest extends H2StoreContracts implements PoolFeedContract {
}
