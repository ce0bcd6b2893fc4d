package org.perch.store.postgres;

import org.perch.store.tck.PepStoreContract;

class PostgresPepStoreTest extends PostgresStoreContracts implements PepStoreContract {
}
