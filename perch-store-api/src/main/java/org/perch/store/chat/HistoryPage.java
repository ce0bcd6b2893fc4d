package org.perch.store.chat;

import java.util.List;

/**
 * The messages a {@link HistoryQuery} selected, oldest first, and whether the page reaches the end of the
 * selection in the direction of paging (the last messages when paging forward, the first when from the end).
 */
public record HistoryPage(List<ChatMessage> messages, boolean complete) {
    public HistoryPage {
        messages = List.copyOf(messages);
    }
}
