package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.store.chat.ChatConfiguration;
import org.perch.store.chat.ConfigurationStore;

/** What every {@link ConfigurationStore} must do. A backend binds it with a class that supplies {@link #fixture()}. */
public interface ConfigurationStoreContract {

    /** A fixture over fresh, empty data for the current test. */
    StoreFixture fixture();

    @AfterEach
    default void closeConfigurationStoreFixture() {
        fixture().close();
    }

    private ConfigurationStore configuration() {
        return fixture().store().configuration();
    }

    private static ChatConfiguration custom() {
        return ChatConfiguration.DEFAULTS.withDefaultChatHistory(500).withParticipantUpdateLimit(1)
                .withMaxFileSizeKb(2_000_000)
                .withRoomManagementUrl("https://rooms.example.org/manage?lang=fr&x=%C3%A9");
    }

    @Test
    default void nothingShouldBeStoredAtFirst() {
        assertThat(configuration().load()).isEmpty();
    }

    @Test
    default void aSavedConfigurationShouldBeLoadedWhole() {
        configuration().save(custom());

        assertThat(configuration().load()).contains(custom());
    }

    @Test
    default void aSecondSaveShouldReplaceTheFirstAndClearShouldForgetIt() {
        configuration().save(custom());
        configuration().save(ChatConfiguration.DEFAULTS.withDefaultChatHistory(42));

        assertThat(configuration().load()).map(ChatConfiguration::defaultChatHistory).contains(42);
        assertThat(configuration().load()).map(ChatConfiguration::roomManagementUrl).contains(Optional.empty());

        configuration().clear();
        assertThat(configuration().load()).isEmpty();
        configuration().clear();
        assertThat(configuration().load()).isEmpty();
    }

    @Test
    default void theConfigurationShouldSurviveARestart() {
        assumeThat(fixture().has(StoreCapability.DURABLE)).as("backend is durable").isTrue();
        configuration().save(custom());

        fixture().reopen();

        assertThat(configuration().load()).contains(custom());
    }

    @Test
    default void theRecordShouldRefuseWhatLyncRefuses() {
        assertThatThrownBy(() -> ChatConfiguration.DEFAULTS.withDefaultChatHistory(501)).hasMessageContaining("500");
        assertThatThrownBy(() -> ChatConfiguration.DEFAULTS.withDefaultChatHistory(0)).hasMessageContaining("1");
        assertThatThrownBy(() -> ChatConfiguration.DEFAULTS.withParticipantUpdateLimit(0)).hasMessageContaining("1");
        assertThatThrownBy(() -> ChatConfiguration.DEFAULTS.withRoomManagementUrl("ftp://x.example.org/"))
                .hasMessageContaining("http");
    }
}
