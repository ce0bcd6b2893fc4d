package org.perch.store.postgres;

import org.perch.store.tck.FileStoreContract;

class PostgresFileStoreTest extends PostgresStoreContracts implements FileStoreContract {
}
