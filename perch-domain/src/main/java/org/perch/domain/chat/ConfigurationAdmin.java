package org.perch.domain.chat;

import java.util.function.UnaryOperator;
import org.perch.core.Jid;
import org.perch.store.Store;
import org.perch.store.chat.ChatConfiguration;

/**
 * The configuration half of {@link ChatRooms} (Lync's PersistentChatConfiguration): the stored configuration, or the
 * configuration file's values until an administrator sets one; changes are called with its change lock held.
 */
final class ConfigurationAdmin {

    private final ChatRooms rooms;
    private final Store store;
    /** The configuration file's values, which apply until an administrator sets the configuration. */
    private final ChatConfiguration defaults;
    private volatile ChatConfiguration configuration;

    ConfigurationAdmin(ChatRooms rooms, Store store, ChatSettings settings) {
        this.rooms = rooms;
        this.store = store;
        this.defaults = ChatConfiguration.DEFAULTS.withDefaultChatHistory(settings.defaultChatHistory())
                .withParticipantUpdateLimit(settings.participantUpdateLimit());
        this.configuration = store.configuration().load().orElse(defaults);
    }

    ChatConfiguration current() {
        return configuration;
    }

    ChatConfiguration configure(Jid requester, UnaryOperator<ChatConfiguration> change) {
        rooms.requireAdmin(requester, "change the configuration");
        ChatConfiguration after = ChatRooms.valid(() -> change.apply(configuration));
        store.configuration().save(after);
        configuration = after;
        return after;
    }

    ChatConfiguration reset(Jid requester) {
        rooms.requireAdmin(requester, "change the configuration");
        store.configuration().clear();
        configuration = defaults;
        return defaults;
    }
}
