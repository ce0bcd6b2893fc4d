package org.perch.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.domain.chat.ChatFixture.CAROL;
import static org.perch.domain.chat.ChatFixture.ROOT;
import static org.perch.domain.chat.ChatFixture.refused;

import org.junit.jupiter.api.Test;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.store.chat.ChatConfiguration;

/** Lync's PersistentChatConfiguration: set by administrators, stored, in force at once, reset to the file's. */
class ChatRoomsConfigurationTest {

    final ChatFixture f = new ChatFixture();
    final ChatRooms chat = f.chat;

    @Test
    void aChangeShouldBeInForceAtOnceAndStored() {
        chat.configure(ROOT, c -> c.withDefaultChatHistory(12).withRoomManagementUrl("https://rooms.example.org/"));

        assertThat(chat.settings().defaultChatHistory()).isEqualTo(12);
        assertThat(f.store.configuration().load()).map(ChatConfiguration::defaultChatHistory).contains(12);
        ChatRooms restarted = new ChatRooms(f.store, ChatSettings.DEFAULTS, ChatFixture.CLOCK, e -> { },
                ChatFixture.OPERATOR);
        assertThat(restarted.configuration().roomManagementUrl()).isPresent();
    }

    @Test
    void onlyAdministratorsShouldChangeItAndOnlyWithinLyncsBounds() {
        refused(() -> chat.configure(CAROL, c -> c.withDefaultChatHistory(12)), Reason.FORBIDDEN);
        refused(() -> chat.configure(ROOT, c -> c.withDefaultChatHistory(501)), Reason.INVALID);

        assertThat(chat.configuration()).isEqualTo(ChatConfiguration.DEFAULTS);
        assertThat(f.store.configuration().load()).isEmpty();
    }

    @Test
    void aResetShouldBringBackTheConfigurationFilesValues() {
        ChatRooms fromFile = new ChatRooms(f.store, new ChatSettings(40, 10), ChatFixture.CLOCK, e -> { },
                ChatFixture.OPERATOR);
        fromFile.configure(ROOT, c -> c.withDefaultChatHistory(12));

        fromFile.resetConfiguration(ROOT);

        assertThat(fromFile.settings()).isEqualTo(new ChatSettings(40, 10));
        assertThat(f.store.configuration().load()).isEmpty();
    }
}
