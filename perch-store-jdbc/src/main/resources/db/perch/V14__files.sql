-- The file catalogue (XEP-0363 HTTP File Upload, ADR 0007): one row per upload slot granted. id is random and is
-- the file's name on disk; name is only shown (sanitised before it gets here). room and posted_* are NULL until the
-- file is first posted, in the room it then belongs to for good; no foreign key to chat_room, so that deleting a room
-- is not held up by its files (which then no reader can reach). Unposted files are swept by age, hence the index.
CREATE TABLE chat_file (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    owner           VARCHAR(2047) NOT NULL,
    name            VARCHAR(255)  NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    content_type    VARCHAR(255)  NOT NULL,
    created_seconds BIGINT        NOT NULL,
    created_nanos   INT           NOT NULL,
    room            UUID,
    posted_seconds  BIGINT,
    posted_nanos    INT
);

CREATE INDEX chat_file_unposted ON chat_file (created_seconds);

-- The key that signs download URLs: one row, written by the first server that needs it, read by every other one of
-- the pool so that a URL made by one server is valid on all. Base64 text, so that H2 and PostgreSQL store it alike.
CREATE TABLE chat_file_key (
    id  INT          NOT NULL PRIMARY KEY,
    key_text VARCHAR(128) NOT NULL
);
