package org.perch.domain.chat;

import java.util.List;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.PostedMessage;

/**
 * Files that posts carry (XEP-0363 uploads): bound to the room a post is stored in, in the block that stores it, so
 * that a file belongs to a room exactly when the message posting it is in that room's history.
 */
public interface Attachments {

    /** No uploads on this server: nothing is ever bound. */
    Attachments NONE = new Attachments() {
        @Override
        public boolean mayPostFiles(List<PostedMessage> messages) {
            return false;
        }

        @Override
        public void posted(List<ChatMessage> stored) {
        }
    };

    /** Whether any of these messages may carry a file; decided without the store, so that it is cheap. */
    boolean mayPostFiles(List<PostedMessage> messages);

    /** Binds the files the stored messages carry to their rooms; called inside the block storing them. */
    void posted(List<ChatMessage> stored);
}
