package org.perch.compliance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Lync's time triple (spec §10.5): {@code since1970} Unix milliseconds, {@code string} ISO-8601 UTC with seven
 * fractional digits, {@code long} .NET ticks (100 ns since 0001-01-01). Perch adds the exact instant, with nine
 * fractional digits, for the hash chain.
 */
public final class LyncTime {

    /** Seconds from 0001-01-01T00:00:00Z (.NET's epoch) to 1970-01-01T00:00:00Z. */
    static final long DOTNET_EPOCH_OFFSET_SECONDS = 62_135_596_800L;

    private static final DateTimeFormatter SEVEN_DIGITS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NINE_DIGITS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private LyncTime() {
    }

    public static long since1970(Instant at) {
        return at.toEpochMilli();
    }

    /** ISO-8601 UTC with seven fractional digits (truncated, as the ticks are). */
    public static String string(Instant at) {
        return SEVEN_DIGITS.format(at);
    }

    public static long ticks(Instant at) {
        return (at.getEpochSecond() + DOTNET_EPOCH_OFFSET_SECONDS) * 10_000_000L + at.getNano() / 100;
    }

    /** ISO-8601 UTC with all nine fractional digits: the exact instant, read back with {@link Instant#parse}. */
    public static String exact(Instant at) {
        return NINE_DIGITS.format(at);
    }
}
