package org.perch.compliance;

import java.util.function.UnaryOperator;
import org.perch.store.compliance.ComplianceConfiguration;

/**
 * What administration does with the compliance service of a running server: the configuration
 * (New-/Set-/Get-/Remove-CsPersistentChatComplianceConfiguration), its state, and a run on demand. A change of
 * configuration applies at once: capture starts or stops, the adapter and its interval are replaced.
 */
public interface ComplianceControl {

    ComplianceConfiguration configuration();

    /**
     * Changes the configuration, stores it and applies it.
     *
     * @throws IllegalArgumentException if the change breaks a bound or names an adapter that cannot be made
     */
    ComplianceConfiguration configure(UnaryOperator<ComplianceConfiguration> change);

    /** Back to Lync's defaults: compliance off (what was captured is exported first). */
    ComplianceConfiguration reset();

    ComplianceStatus status();

    /**
     * Moves and exports everything now (perch compliance run-now) and says how it went.
     *
     * @throws IllegalStateException if compliance is off
     */
    ComplianceStatus runNow() throws InterruptedException;
}
