package org.perch.store.h2;

import org.perch.store.tck.HistoryStoreContract;

class H2HistoryStoreTest extends H2StoreContracts implements HistoryStoreContract {
}
