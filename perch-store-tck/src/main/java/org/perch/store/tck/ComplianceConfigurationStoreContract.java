package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.store.compliance.ComplianceConfiguration;
import org.perch.store.compliance.ComplianceConfigurationStore;

/** What every {@link ComplianceConfigurationStore} must do, and the bounds the configuration keeps. */
public interface ComplianceConfigurationStoreContract {

    StoreFixture fixture();

    @AfterEach
    default void closeComplianceConfigurationFixture() {
        fixture().close();
    }

    private ComplianceConfigurationStore configuration() {
        return fixture().store().complianceConfiguration();
    }

    private static ComplianceConfiguration xml() {
        return new ComplianceConfiguration(Optional.of("xml"), "Auditors' archive ☕",
                Optional.of("/var/lib/perch/compliance out"), true, true, true, true, Duration.ofDays(30));
    }

    @Test
    default void nothingShouldBeStoredAtFirstAndTheDefaultsBeOff() {
        assertThat(configuration().load()).isEmpty();
        assertThat(ComplianceConfiguration.DEFAULTS.enabled()).isFalse();
        assertThat(ComplianceConfiguration.DEFAULTS.runInterval()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    default void aSavedConfigurationShouldComeBackWholeAndBeReplacedAndCleared() {
        configuration().save(xml());
        assertThat(configuration().load()).contains(xml());

        configuration().save(ComplianceConfiguration.DEFAULTS);
        assertThat(configuration().load()).contains(ComplianceConfiguration.DEFAULTS);

        configuration().clear();
        assertThat(configuration().load()).isEmpty();
    }

    @Test
    default void theBoundsShouldBeLyncs() {
        assertThatThrownBy(() -> new ComplianceConfiguration(Optional.empty(), "", Optional.empty(), false, false,
                false, false, Duration.ofSeconds(59))).hasMessageContaining("between 1 minute and 30 days");
        assertThatThrownBy(() -> new ComplianceConfiguration(Optional.empty(), "", Optional.empty(), false, false,
                false, false, Duration.ofDays(30).plusSeconds(1))).hasMessageContaining("between 1 minute and 30 days");
        assertThatThrownBy(() -> new ComplianceConfiguration(Optional.of("xml"), "", Optional.empty(), false, false,
                false, false, Duration.ofMinutes(15))).hasMessageContaining("adapterOutputDirectory is required");
    }

    @Test
    default void theConfigurationShouldSurviveARestart() {
        assumeThat(fixture().has(StoreCapability.DURABLE)).as("backend is durable").isTrue();
        configuration().save(xml());

        fixture().reopen();

        assertThat(configuration().load()).contains(xml());
    }
}
