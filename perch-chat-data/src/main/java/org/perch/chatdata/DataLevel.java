package org.perch.chatdata;

import java.util.Locale;

/**
 * How much an export holds (Lync's -Level): {@link #FULL} is everything, history included (Lync's All);
 * {@link #CONFIGURATION} is everything but history.
 */
public enum DataLevel {
    FULL,
    CONFIGURATION;

    /** The name in a data file's header: {@code full} or {@code configuration}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
