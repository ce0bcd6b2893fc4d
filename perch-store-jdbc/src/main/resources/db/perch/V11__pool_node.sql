-- The servers of a pool that are running (perch pool status), each row refreshed by its server's heartbeat and
-- removed when it stops, or by another server once it has been silent too long. Instants are seconds and
-- nanoseconds since the epoch, as in the compliance outbox, so they come back exactly.
CREATE TABLE pool_node (
    server          VARCHAR(63)  NOT NULL PRIMARY KEY,
    pool            VARCHAR(63)  NOT NULL,
    host            VARCHAR(255) NOT NULL,
    active          BOOLEAN      NOT NULL,
    started_seconds BIGINT       NOT NULL,
    started_nanos   INT          NOT NULL,
    beat_seconds    BIGINT       NOT NULL,
    beat_nanos      INT          NOT NULL,
    connections     INT          NOT NULL,
    feed_position   BIGINT       NOT NULL
);
