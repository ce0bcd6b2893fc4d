package org.perch.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an attacker's connection ended, in words, and the tallies the abuse table prints. */
class ConnectionEndsTest {

    private static Element streamError(String condition, String text) {
        List<Element> children = text == null ? List.of(new Element(condition, Map.of(), List.of(), ""))
                : List.of(new Element(condition, Map.of(), List.of(), ""), new Element("text", Map.of(), List.of(),
                        text));
        return new Element("error", Map.of(), children, "");
    }

    @Test
    void aStreamErrorShouldBeDescribedByItsConditionAndText() {
        SessionException closed = new SessionException("connection closed", "by the server or the network");

        assertThat(ConnectionEnds.describe(closed, streamError("policy-violation", " too large ")))
                .isEqualTo("stream error policy-violation \"too large\"");
        assertThat(ConnectionEnds.describe(closed, streamError("connection-timeout", null)))
                .isEqualTo("stream error connection-timeout");
        assertThat(ConnectionEnds.streamError(streamError("policy-violation", "x".repeat(500))))
                .isEqualTo("stream error policy-violation \"" + "x".repeat(120) + "…\"");
    }

    @Test
    void withoutAStreamErrorTheFailureShouldSayHowItEnded() {
        assertThat(ConnectionEnds.describe(new SessionException("connection closed", "by the server"), null))
                .isEqualTo(ConnectionEnds.CLOSED_WITHOUT_ERROR);
        assertThat(ConnectionEnds.describe(new SessionException("stream closed", "the server ended it"), null))
                .isEqualTo("stream ended by the server, no stream error");
        assertThat(ConnectionEnds.describe(new SessionException("connection error IOException", "reset"), null))
                .isEqualTo("connection error IOException");
    }

    @Test
    void talliesShouldListTheMostFrequentEndFirst() {
        ConnectionEnds ends = new ConnectionEnds();
        ends.add(ConnectionEnds.STILL_OPEN);
        for (int i = 0; i < 1_500; i++) {
            ends.add(RawConnection.REFUSED);
        }
        ends.add("connect failed: BindException");

        assertThat(ConnectionEnds.summary(ends.snapshot())).isEqualTo("1,500 " + RawConnection.REFUSED
                + "; 1 connect failed: BindException; 1 still open");
        assertThat(ConnectionEnds.summary(Map.of())).isEqualTo("no connection");
    }

    @Test
    void countsSinceAnEarlierReadingShouldKeepOnlyWhatGrew() {
        assertThat(AttackContext.difference(Map.of("error message resource-constraint", 12L, "login failed: x", 1L),
                Map.of("error message resource-constraint", 2L, "login failed: x", 1L)))
                .containsExactly(Map.entry("error message resource-constraint", 10L));
    }
}
