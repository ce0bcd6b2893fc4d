-- Persistent Chat policies (New-CsPersistentChatPolicy) and their grants to accounts (Grant-CsPersistentChatPolicy).
-- policy_key is the identity lower-cased ('global', 'site:<name>', 'tag:<name>'); identity keeps its case.
-- The global policy always exists; it starts as Lync's default, with Persistent Chat off.
CREATE TABLE chat_policy (
    policy_key             VARCHAR(300)  NOT NULL PRIMARY KEY,
    identity               VARCHAR(300)  NOT NULL,
    description            VARCHAR(1024) NOT NULL,
    enable_persistent_chat BOOLEAN       NOT NULL
);

INSERT INTO chat_policy (policy_key, identity, description, enable_persistent_chat)
VALUES ('global', 'global', '', FALSE);

-- Only per-user policies are granted; deleting the account or the policy deletes the grant.
CREATE TABLE chat_policy_grant (
    jid        VARCHAR(2047) NOT NULL PRIMARY KEY REFERENCES account (jid) ON DELETE CASCADE,
    policy_key VARCHAR(300)  NOT NULL REFERENCES chat_policy (policy_key) ON DELETE CASCADE
);
