-- Categories, rooms and room history. Portable SQL: the same script runs on H2 2.x and PostgreSQL.
-- Ids are UUID, a native type in both (16 bytes, bound with setObject(UUID) by both drivers).
-- Every table that grows with traffic (chat_message) has a key starting with the room id, so history can later
-- be sharded by room; categories and rooms are few and stay whole.
-- name_key is the name lower-cased in Java (Locale.ROOT), which keeps names unique without regard to case the
-- same way on every database. Lower-casing can lengthen a name ('İ' becomes two chars), hence twice the length.
-- Enum columns hold the lower-case constant name ('closed', 'auditorium'), readable in a SQL console.
-- Principals are stored as their URI ('user:alice@example.org', 'domain:example.org'): at most 'user:' plus a
-- 2047-octet bare JID.

CREATE TABLE chat_category (
    id           UUID         NOT NULL PRIMARY KEY,
    name         VARCHAR(256) NOT NULL,
    name_key     VARCHAR(512) NOT NULL UNIQUE,
    description  VARCHAR(256) NOT NULL,
    invitations  BOOLEAN      NOT NULL,
    file_upload  BOOLEAN      NOT NULL,
    chat_history BOOLEAN      NOT NULL
);

-- kind: 'allowed', 'denied' or 'creator'. One principal may be in several lists.
CREATE TABLE chat_category_principal (
    category  UUID          NOT NULL REFERENCES chat_category (id) ON DELETE CASCADE,
    kind      VARCHAR(8)    NOT NULL,
    principal VARCHAR(2052) NOT NULL,
    PRIMARY KEY (category, kind, principal)
);

-- No ON DELETE CASCADE from the category: a category with rooms is never deleted, and the foreign key says so
-- even to a console user. addin is NULL when the room has none. room_type: TYPE is a keyword in some dialects.
CREATE TABLE chat_room (
    id          UUID         NOT NULL PRIMARY KEY,
    address     VARCHAR(256) NOT NULL UNIQUE,
    category    UUID         NOT NULL REFERENCES chat_category (id),
    name        VARCHAR(256) NOT NULL,
    name_key    VARCHAR(512) NOT NULL UNIQUE,
    description VARCHAR(256) NOT NULL,
    privacy     VARCHAR(8)   NOT NULL,
    room_type   VARCHAR(16)  NOT NULL,
    invitations VARCHAR(8)   NOT NULL,
    addin       VARCHAR,
    disabled    BOOLEAN      NOT NULL,
    subject     VARCHAR      NOT NULL
);

CREATE INDEX chat_room_by_category ON chat_room (category);

-- kind: 'member', 'manager' or 'presenter'. One principal may hold several roles.
CREATE TABLE chat_room_principal (
    room      UUID          NOT NULL REFERENCES chat_room (id) ON DELETE CASCADE,
    kind      VARCHAR(9)    NOT NULL,
    principal VARCHAR(2052) NOT NULL,
    PRIMARY KEY (room, kind, principal)
);

-- Room history. id orders a room's messages and comes from chat_message_seq (see below); (room, id) is the key
-- every page is read by, (room, stanza_id) the one every find and retraction uses, (room, ts) serves time
-- ranges. Timestamps keep microseconds, the finest both databases store. The four retracted_* columns are all
-- NULL until the message is retracted; body and payload are then ''. VARCHAR without a length: bodies and
-- stanzas are as long as the server's stanza limit allows (H2 keeps up to a million characters).
CREATE TABLE chat_message (
    room              UUID                        NOT NULL,
    id                BIGINT                      NOT NULL,
    stanza_id         VARCHAR(64)                 NOT NULL,
    ts                TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    sender            VARCHAR(2047)               NOT NULL,
    nick              VARCHAR                     NOT NULL,
    body              VARCHAR                     NOT NULL,
    payload           VARCHAR                     NOT NULL,
    retracted_at      TIMESTAMP(6) WITH TIME ZONE,
    retracted_by      VARCHAR(2047),
    moderated         BOOLEAN,
    retraction_reason VARCHAR,
    PRIMARY KEY (room, id),
    UNIQUE (stanza_id, room)
);

-- Declared after the primary key so that H2 serves it with the key's index instead of building a fifth index
-- on room alone (which its planner then preferred for stanza-id lookups, scanning a whole room for one message).
-- The stanza-id comes first in its unique index for the same reason: every MAM page looks up its anchor by it.
ALTER TABLE chat_message ADD FOREIGN KEY (room) REFERENCES chat_room (id) ON DELETE CASCADE;

CREATE INDEX chat_message_by_time ON chat_message (room, ts);

-- The last message id handed out: one row, one column. Each append adds its batch size to it and takes the
-- block below the new value, inside its own transaction; the row lock that the UPDATE takes until commit makes
-- ids increase in commit order, so a reader that has seen id n will never later find a new message below n.
CREATE TABLE chat_message_seq (
    last_id BIGINT NOT NULL
);

INSERT INTO chat_message_seq (last_id) VALUES (0);
