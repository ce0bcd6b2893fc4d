package org.perch.server.config;

import java.util.Objects;

/**
 * Persistent chat (Lync's PersistentChatConfiguration, spec §8.1) and the category a new server starts with.
 *
 * @param defaultChatHistory messages a joining client gets when it does not say how many (1-500)
 * @param participantUpdateLimit occupants above which a room stops broadcasting their presence
 * @param bootstrapCategory name of the category created on first start, open to every user of the domain and
 *                          letting them create rooms; empty: none (an administrator creates categories)
 */
public record ChatConfig(int defaultChatHistory, int participantUpdateLimit, String bootstrapCategory) {
    public ChatConfig {
        Objects.requireNonNull(bootstrapCategory, "bootstrapCategory");
    }
}
