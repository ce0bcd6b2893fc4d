package org.perch.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LyncTimeTest {

    @Test
    @DisplayName("spec §10.5's example: 2008-06-04T20:15:40.9535482Z is 1212610540953 ms and 633482073409535482 ticks")
    void shouldGiveTheSpecsTriple() {
        Instant at = Instant.parse("2008-06-04T20:15:40.9535482Z");
        assertThat(LyncTime.since1970(at)).isEqualTo(1212610540953L);
        assertThat(LyncTime.string(at)).isEqualTo("2008-06-04T20:15:40.9535482Z");
        assertThat(LyncTime.ticks(at)).isEqualTo(633482073409535482L);
    }

    @Test
    @DisplayName("seven digits always (truncated like the ticks), nine for the exact instant")
    void shouldPadAndTruncate() {
        Instant at = Instant.parse("2026-01-31T12:00:00.000000099Z");
        assertThat(LyncTime.string(at)).isEqualTo("2026-01-31T12:00:00.0000000Z");
        assertThat(LyncTime.exact(at)).isEqualTo("2026-01-31T12:00:00.000000099Z");
        assertThat(Instant.parse(LyncTime.exact(at))).isEqualTo(at);
        assertThat(LyncTime.ticks(Instant.EPOCH)).isEqualTo(621355968000000000L);
    }
}
