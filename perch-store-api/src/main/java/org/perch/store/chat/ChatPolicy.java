package org.perch.store.chat;

import java.util.Objects;

/**
 * A Persistent Chat policy (New-CsPersistentChatPolicy): whether the users it applies to may use Persistent Chat
 * at all. Lync's default, and this record's, is off.
 *
 * @param identity global, a site's or a per-user policy
 * @param description free text for administrators, at most {@value #MAX_DESCRIPTION} characters
 * @param enablePersistentChat whether its users may join and search rooms
 */
public record ChatPolicy(PolicyIdentity identity, String description, boolean enablePersistentChat) {

    public static final int MAX_DESCRIPTION = 1024;

    /** What the global policy is until an administrator changes it, and again after it is removed. */
    public static final ChatPolicy GLOBAL_DEFAULT = defaults(PolicyIdentity.GLOBAL);

    public ChatPolicy {
        Objects.requireNonNull(identity, "identity");
        description = Names.requireDescription(description, MAX_DESCRIPTION);
    }

    /** A new policy as the cmdlet makes it when given only its identity: no description, Persistent Chat off. */
    public static ChatPolicy defaults(PolicyIdentity identity) {
        return new ChatPolicy(identity, "", false);
    }

    public ChatPolicy withDescription(String text) {
        return new ChatPolicy(identity, text, enablePersistentChat);
    }

    public ChatPolicy withEnablePersistentChat(boolean enabled) {
        return new ChatPolicy(identity, description, enabled);
    }
}
