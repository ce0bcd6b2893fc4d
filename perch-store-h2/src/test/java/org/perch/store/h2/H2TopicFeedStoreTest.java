package org.perch.store.h2;

import org.perch.store.tck.TopicFeedStoreContract;

class H2TopicFeedStoreTest extends H2StoreContracts implements TopicFeedStoreContract {
}
