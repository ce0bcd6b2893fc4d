package org.perch.cluster.topology;

import java.util.Locale;

/** Whether a problem stops the topology from being published. */
public enum Severity {
    /** The topology cannot be published until it is fixed. */
    ERROR,
    /** Worth a look, but the topology may be published. */
    WARNING;

    /** {@code error} or {@code warning}, as the reports print it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
