package org.perch.store.chat;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Lync's PersistentChatConfiguration (spec §8.1), as an administrator sets it for the whole deployment.
 *
 * @param defaultChatHistory messages of history a join gets when the client asks for no number; 1 to 500
 * @param participantUpdateLimit occupants above which a room stops broadcasting their presence; at least 1
 * @param maxFileSizeKb the largest file a room takes, in KB; at least 1 (for file sharing in rooms)
 * @param roomManagementUrl where clients send users to manage their rooms; none means the server's own page
 */
public record ChatConfiguration(int defaultChatHistory, int participantUpdateLimit, int maxFileSizeKb,
                                Optional<URI> roomManagementUrl) {

    public static final int MIN_DEFAULT_CHAT_HISTORY = 1;
    public static final int MAX_DEFAULT_CHAT_HISTORY = 500;
    /** Lync's defaults: 30 messages, 75 occupants, 20,000 KB, no URL. */
    public static final ChatConfiguration DEFAULTS = new ChatConfiguration(30, 75, 20_000, Optional.empty());

    public ChatConfiguration {
        // Lync bounds DefaultChatHistory because the server keeps that many messages per room in memory.
        if (defaultChatHistory < MIN_DEFAULT_CHAT_HISTORY || defaultChatHistory > MAX_DEFAULT_CHAT_HISTORY) {
            throw new IllegalArgumentException("defaultChatHistory must be between " + MIN_DEFAULT_CHAT_HISTORY
                    + " and " + MAX_DEFAULT_CHAT_HISTORY + ", got " + defaultChatHistory);
        }
        if (participantUpdateLimit < 1) {
            throw new IllegalArgumentException("participantUpdateLimit must be at least 1, got "
                    + participantUpdateLimit);
        }
        if (maxFileSizeKb < 1) {
            throw new IllegalArgumentException("maxFileSizeKb must be at least 1, got " + maxFileSizeKb);
        }
        Objects.requireNonNull(roomManagementUrl, "roomManagementUrl");
        roomManagementUrl.ifPresent(url -> Names.requireWebUrl(url, "roomManagementUrl"));
    }

    public ChatConfiguration withDefaultChatHistory(int messages) {
        return new ChatConfiguration(messages, participantUpdateLimit, maxFileSizeKb, roomManagementUrl);
    }

    public ChatConfiguration withParticipantUpdateLimit(int occupants) {
        return new ChatConfiguration(defaultChatHistory, occupants, maxFileSizeKb, roomManagementUrl);
    }

    public ChatConfiguration withMaxFileSizeKb(int kb) {
        return new ChatConfiguration(defaultChatHistory, participantUpdateLimit, kb, roomManagementUrl);
    }

    /** The URL as text (empty for none); throws IllegalArgumentException naming what is wrong with it. */
    public ChatConfiguration withRoomManagementUrl(String url) {
        Optional<URI> parsed = url.isBlank() ? Optional.empty()
                : Optional.of(Names.requireWebUrl(url, "roomManagementUrl"));
        return new ChatConfiguration(defaultChatHistory, participantUpdateLimit, maxFileSizeKb, parsed);
    }
}
