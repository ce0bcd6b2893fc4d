-- Lync's PersistentChatConfiguration, once an administrator sets it: at most one row (the CHECK on the key).
-- room_management_url is NULL for none.
CREATE TABLE chat_configuration (
    singleton                INT          NOT NULL PRIMARY KEY CHECK (singleton = 1),
    default_chat_history     INT          NOT NULL,
    participant_update_limit INT          NOT NULL,
    max_file_size_kb         INT          NOT NULL,
    room_management_url      VARCHAR(2048)
);
