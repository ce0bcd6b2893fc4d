package org.perch.server.config;

import java.util.Objects;

/**
 * Persistent chat (Lync's PersistentChatConfiguration, spec §8.1) and the category a new server starts with.
 *
 * @param defaultChatHistory messages a joining client gets when it does not say how many (1-500)
 * @param participantUpdateLimit occupants above which a room stops broadcasting their presence
 * @param bootstrapCategory name of the category created on first start, open to every user of the domain and
 *                          letting them create rooms; empty: none (an administrator creates categories)
 * @param site the Lync site this server belongs to, whose {@code site:} policy applies to users granted no
 *             per-user policy; empty: none
 * @param topicFeeds whether users may keep topic feeds
 */
public record ChatConfig(int defaultChatHistory, int participantUpdateLimit, String bootstrapCategory, String site,
                         boolean topicFeeds) {
    public ChatConfig {
        Objects.requireNonNull(bootstrapCategory, "bootstrapCategory");
        Objects.requireNonNull(site, "site");
    }
}
