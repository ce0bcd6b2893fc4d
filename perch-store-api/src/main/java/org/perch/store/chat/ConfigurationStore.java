package org.perch.store.chat;

import java.util.Optional;

/** The deployment's {@link ChatConfiguration}, once an administrator has set it. */
public interface ConfigurationStore {

    /** The stored configuration; empty until one is saved, and after {@link #clear()}. */
    Optional<ChatConfiguration> load();

    /** Stores the configuration in place of any before it. */
    void save(ChatConfiguration configuration);

    /** Forgets the stored configuration, so the defaults apply again (Remove-CsPersistentChatConfiguration). */
    void clear();
}
