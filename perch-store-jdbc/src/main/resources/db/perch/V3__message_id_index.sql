-- The full-text index catches up with history by message id across rooms (HistoryStore.since); the primary
-- key starts with the room, so that scan needs an index of its own. Ids are unique, assigned in commit order.
CREATE UNIQUE INDEX chat_message_by_id ON chat_message (id);
