-- Every topology published to this store (perch topology publish), kept: the current one is the highest version.
-- The primary key is what stops two administrators publishing the same version at once: the second insert fails
-- and, retried, finds the first one's version. published_at is seconds and nanoseconds since the epoch, as in the
-- compliance outbox, so the instant comes back exactly.
CREATE TABLE published_topology (
    version              BIGINT  NOT NULL PRIMARY KEY CHECK (version >= 1),
    document             VARCHAR NOT NULL,
    published_at_seconds BIGINT  NOT NULL,
    published_at_nanos   INT     NOT NULL
);
