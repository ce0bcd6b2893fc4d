-- Accounts and rosters. Portable SQL: the same script runs on H2 2.x and PostgreSQL.
-- Every table's key starts with the owning account's bare JID, so the store can later be sharded by account.
-- Binary columns are BYTEA: PostgreSQL's binary type, which H2 2.x also accepts as a name for BINARY VARYING
-- (the perch-store-h2 contract tests run this script), so keys stay raw bytes with no base64 code on either side.
-- A bare JID is at most 1023 + 1 + 1023 octets (RFC 7622), hence VARCHAR(2047).

CREATE TABLE account (
    jid     VARCHAR(2047)            NOT NULL PRIMARY KEY,
    admin   BOOLEAN                  NOT NULL,
    created TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One SCRAM verifier per mechanism; mechanism is the SASL name without -PLUS ('SCRAM-SHA-256').
CREATE TABLE account_credential (
    jid        VARCHAR(2047) NOT NULL REFERENCES account (jid) ON DELETE CASCADE,
    mechanism  VARCHAR(32)   NOT NULL,
    salt       BYTEA         NOT NULL,
    iterations INTEGER       NOT NULL,
    stored_key BYTEA         NOT NULL,
    server_key BYTEA         NOT NULL,
    PRIMARY KEY (jid, mechanism)
);

-- group_names, not groups: GROUPS is a reserved word (window frames) in H2 and in SQL:2011.
-- It holds newline-terminated, escaped names (see GroupsColumn).
CREATE TABLE roster_item (
    owner        VARCHAR(2047) NOT NULL,
    contact      VARCHAR(2047) NOT NULL,
    name         VARCHAR       NOT NULL,
    subscription VARCHAR(8)    NOT NULL,
    pending_out  BOOLEAN       NOT NULL,
    group_names  VARCHAR       NOT NULL,
    PRIMARY KEY (owner, contact)
);

-- The roster version (RFC 6121 §2.6); its row is also the lock that serialises changes to one roster.
CREATE TABLE roster_version (
    owner   VARCHAR(2047) NOT NULL PRIMARY KEY,
    version BIGINT        NOT NULL
);
