package org.perch.store.postgres;

import org.perch.store.tck.TopicFeedStoreContract;

class PostgresTopicFeedStoreTest extends PostgresStoreContracts implements TopicFeedStoreContract {
}
