-- The full-text index of room history, PostgreSQL only. It lives in a schema of its own (perch_search, with its
-- own history table flyway_search_history), so the portable chat store migrations in db/perch never see it and
-- neither migration finds the other's tables in "its" schema.
--
-- One row per indexed message, keyed by room first like chat_message, so it can be sharded by room with the
-- history. words holds the message's words as made in Java (SearchWords): lexemes without positions, matched
-- with @@ against a tsquery of quoted lexemes, through the GIN index. posted_us is the time in microseconds since
-- the epoch (rounded down, as history keeps it), sender the poster's bare JID.
CREATE TABLE search_message (
    room      UUID     NOT NULL,
    id        BIGINT   NOT NULL,
    stanza_id TEXT     NOT NULL,
    sender    TEXT     NOT NULL,
    posted_us BIGINT   NOT NULL,
    words     TSVECTOR NOT NULL,
    PRIMARY KEY (room, id)
);

CREATE INDEX search_message_words ON search_message USING GIN (words);

-- Retraction removes a message by its stanza-id.
CREATE INDEX search_message_by_stanza_id ON search_message (room, stanza_id);

-- The largest message id ever handed to the index (retracted ones included); removals never lower it, so it is
-- not max(id). One row; every add raises it in the add's own transaction.
CREATE TABLE search_progress (
    last_indexed_id BIGINT NOT NULL
);

INSERT INTO search_progress (last_indexed_id) VALUES (0);
