package org.perch.store.chat;

/**
 * The category switches of Lync: whether its rooms may send invitations, accept file uploads, and keep their
 * history. Lync's defaults: invitations and uploads off, history on.
 */
public record CategoryFlags(boolean invitations, boolean fileUpload, boolean chatHistory) {
    public static final CategoryFlags DEFAULTS = new CategoryFlags(false, false, true);

    public CategoryFlags withInvitations(boolean on) {
        return new CategoryFlags(on, fileUpload, chatHistory);
    }

    public CategoryFlags withFileUpload(boolean on) {
        return new CategoryFlags(invitations, on, chatHistory);
    }

    public CategoryFlags withChatHistory(boolean on) {
        return new CategoryFlags(invitations, fileUpload, on);
    }
}
