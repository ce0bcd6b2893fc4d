-- The pool feed (ARCHITECTURE D5): room events each server of a pool appends and every server reads in position
-- order, to show its occupants what happens on the others. position comes from pool_feed_seq (below), so
-- positions grow in commit order. room is NULL for events about no one room. payload is a stanza, as long as the
-- server's stanza limit allows: VARCHAR without a length, as chat_message.payload. at_seconds and at_nanos keep the
-- instant exactly, as in the compliance outbox; retention deletes by them, hence the index.
CREATE TABLE pool_event (
    position   BIGINT        NOT NULL PRIMARY KEY,
    origin     VARCHAR(63)   NOT NULL,
    room       UUID,
    kind       VARCHAR(32)   NOT NULL,
    subject    VARCHAR(1023) NOT NULL,
    payload    VARCHAR       NOT NULL,
    at_seconds BIGINT        NOT NULL,
    at_nanos   INT           NOT NULL
);

CREATE INDEX pool_event_by_time ON pool_event (at_seconds, at_nanos);

-- The last position handed out: one row, one column, like chat_message_seq. Each append adds its batch size and
-- takes the block below the new value in its own transaction; the row lock held until commit makes positions grow
-- in commit order. Pruning pool_event never lowers it.
CREATE TABLE pool_feed_seq (
    last_position BIGINT NOT NULL
);

INSERT INTO pool_feed_seq (last_position) VALUES (0);
