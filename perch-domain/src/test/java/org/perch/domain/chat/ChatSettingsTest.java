package org.perch.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChatSettingsTest {

    @Test
    void defaultsShouldBeTheLyncDefaults() {
        assertThat(ChatSettings.DEFAULTS.defaultChatHistory()).isEqualTo(30);
        assertThat(ChatSettings.DEFAULTS.participantUpdateLimit()).isEqualTo(75);
    }

    @Test
    void defaultChatHistoryShouldAcceptOneToFiveHundredOnly() {
        assertThat(ChatSettings.DEFAULTS.withDefaultChatHistory(1).defaultChatHistory()).isEqualTo(1);
        assertThat(ChatSettings.DEFAULTS.withDefaultChatHistory(500).defaultChatHistory()).isEqualTo(500);
        assertThatThrownBy(() -> ChatSettings.DEFAULTS.withDefaultChatHistory(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("defaultChatHistory must be between 1 and 500, got 0");
        assertThatThrownBy(() -> new ChatSettings(501, 75))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("defaultChatHistory must be between 1 and 500, got 501");
    }

    @Test
    void participantUpdateLimitShouldBeAtLeastOne() {
        assertThat(new ChatSettings(30, 1).participantUpdateLimit()).isEqualTo(1);
        assertThatThrownBy(() -> ChatSettings.DEFAULTS.withParticipantUpdateLimit(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("participantUpdateLimit must be at least 1, got 0");
    }
}
