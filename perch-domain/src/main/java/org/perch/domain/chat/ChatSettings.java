package org.perch.domain.chat;

/**
 * The Lync PersistentChatConfiguration settings the chat domain needs (spec §8.1).
 *
 * @param defaultChatHistory messages of history sent on join when the client asks for no number; 1 to 500
 * @param participantUpdateLimit occupants above which occupant presence is no longer broadcast; at least 1
 */
public record ChatSettings(int defaultChatHistory, int participantUpdateLimit) {

    public static final int MIN_DEFAULT_CHAT_HISTORY = 1;
    public static final int MAX_DEFAULT_CHAT_HISTORY = 500;

    /** Lync's defaults: 30 messages of history, roster updates up to 75 occupants. */
    public static final ChatSettings DEFAULTS = new ChatSettings(30, 75);

    public ChatSettings {
        // Lync bounds DefaultChatHistory because the server keeps that many messages per room in memory.
        if (defaultChatHistory < MIN_DEFAULT_CHAT_HISTORY || defaultChatHistory > MAX_DEFAULT_CHAT_HISTORY) {
            throw new IllegalArgumentException("defaultChatHistory must be between " + MIN_DEFAULT_CHAT_HISTORY
                    + " and " + MAX_DEFAULT_CHAT_HISTORY + ", got " + defaultChatHistory);
        }
        if (participantUpdateLimit < 1) {
            throw new IllegalArgumentException("participantUpdateLimit must be at least 1, got "
                    + participantUpdateLimit);
        }
    }

    public ChatSettings withDefaultChatHistory(int messages) {
        return new ChatSettings(messages, participantUpdateLimit);
    }

    public ChatSettings withParticipantUpdateLimit(int occupants) {
        return new ChatSettings(defaultChatHistory, occupants);
    }
}
