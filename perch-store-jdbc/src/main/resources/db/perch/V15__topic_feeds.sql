-- Topic feeds: each account's filters, and the feed of room messages they matched. Keys start with the owner's
-- bare JID, as the rosters' and PEP's, so an account's rows sit together and deleting the account is one DELETE per
-- table. The lists a filter holds (keywords, phrases, senders, rooms) are one text column each: every item ends with
-- a newline, backslash and newline escaped (see TextListColumn), which keeps their order, any text, and the empty
-- list apart from a list of one empty item. VARCHAR without a length: how many terms a filter may hold is the
-- domain's rule, not the schema's. position keeps the order filters were first saved in: a new filter takes its
-- owner's largest plus one, a replaced one keeps its own; it is unique per owner, so two first saves racing for
-- one position fail one INSERT, which the transactor retries.
CREATE TABLE topic_filter (
    owner     VARCHAR(2047) NOT NULL,
    filter_id VARCHAR(1023) NOT NULL,
    position  BIGINT        NOT NULL,
    name      VARCHAR       NOT NULL,
    keywords  VARCHAR       NOT NULL,
    phrases   VARCHAR       NOT NULL,
    senders   VARCHAR       NOT NULL,
    rooms     VARCHAR       NOT NULL,
    alert     BOOLEAN       NOT NULL,
    PRIMARY KEY (owner, filter_id),
    UNIQUE (owner, position)
);

-- One row per message in an owner's feed. It points at the message in chat_message by room and stanza-id (and its
-- history id) and copies none of its text, so a retraction or purge reaches the feed too; no foreign key, so that
-- purging history or deleting a room is not held up by feeds, as with chat_file.
-- entry_id comes from feed_entry_seq (below) and orders the feed; the primary key (owner, entry_id) is also the
-- index every newest-first page is read along, backwards. The unique key is the one duplicate check every append
-- makes: one entry per owner and message. filters holds the ids of the filters that matched, encoded as the filter
-- lists are. at_seconds and at_nanos keep the message's instant exactly, as in the pool feed.
CREATE TABLE feed_entry (
    owner      VARCHAR(2047) NOT NULL,
    entry_id   BIGINT        NOT NULL,
    room_id    UUID          NOT NULL,
    stanza_id  VARCHAR(64)   NOT NULL,
    message_id BIGINT        NOT NULL,
    at_seconds BIGINT        NOT NULL,
    at_nanos   INT           NOT NULL,
    filters    VARCHAR       NOT NULL,
    PRIMARY KEY (owner, entry_id),
    UNIQUE (owner, room_id, stanza_id)
);

-- The last entry id handed out: one row, one column, like chat_message_seq. Every append updates it first, and the
-- row lock held until commit runs appends one at a time: each one's duplicate check then sees every entry committed
-- before it, and ids grow in commit order. Trimming feeds never lowers it.
CREATE TABLE feed_entry_seq (
    last_id BIGINT NOT NULL
);

INSERT INTO feed_entry_seq (last_id) VALUES (0);

-- How far each server's matcher has got through room history: the largest history id it has matched every
-- message up to, written in the transaction that adds those matches, so a server that restarts resumes after the
-- last matches it stored and neither skips nor repeats a message. server is a pool server's name (63 characters in
-- pool_node); 255 leaves room for whatever names a server outside a pool, such as a host name.
CREATE TABLE feed_match (
    server          VARCHAR(255) NOT NULL PRIMARY KEY,
    matched_through BIGINT       NOT NULL
);
