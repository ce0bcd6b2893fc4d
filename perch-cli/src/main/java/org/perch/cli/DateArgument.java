package org.perch.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A date option as the cmdlets take one: a day (YYYY-MM-DD, UTC) or an instant. A day bounds a range whole: as a
 * start it means its first moment, as an end its last microsecond, the finest a timestamp is kept to.
 */
final class DateArgument {

    private DateArgument() {
    }

    static Instant startOf(String option, String text) {
        return parse(option, text, day -> day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    static Instant endOf(String option, String text) {
        return parse(option, text, day -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1_000));
    }

    private static Instant parse(String option, String text, java.util.function.Function<LocalDate, Instant> ofDay) {
        try {
            return text.contains("T") ? Instant.parse(text) : ofDay.apply(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new CliException(option + " '" + text + "' is neither YYYY-MM-DD nor an instant such as"
                    + " 2026-01-31T12:00:00Z");
        }
    }
}
