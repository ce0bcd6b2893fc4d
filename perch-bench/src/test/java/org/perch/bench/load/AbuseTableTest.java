package org.perch.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.perch.bench.Latency;
import org.perch.bench.load.AbuseProfile.PhaseResult;

/** The abuse table's arithmetic and wording: ratios to the baseline, the target's verdict, the attackers' ends. */
class AbuseTableTest {

    private static PhaseResult phase(String name, double p99, long errors) {
        return new PhaseResult(name, new Latency(1_000, p99 / 4, p99 / 2, p99, p99 * 2), 50, 500, 1.0, errors,
                errors == 0 ? Map.of() : Map.of("session lost: connection closed", errors), OptionalDouble.of(0.25),
                0.4, OptionalLong.of(300 * 1024), OptionalLong.of(40 * 1024), Optional.empty());
    }

    private static AttackOutcome outcome(AttackKind kind, Map<String, Long> ends) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("stanzas/s", 12.345);
        figures.put("stanzas sent", 1_234.0);
        return new AttackOutcome(kind, 4, 35, ends, figures, Map.of("error message policy-violation", 2L));
    }

    @Test
    void theTargetShouldHoldOnlyWithNoErrorAndAP99WithinTwiceTheBaselines() {
        PhaseResult baseline = phase("baseline", 8, 0);

        assertThat(AbuseTable.p99Ratio(phase("flood", 20, 0), baseline)).hasValue(2.5);
        assertThat(AbuseTable.verdict(baseline, baseline)).isEqualTo("-");
        assertThat(AbuseTable.verdict(phase("slowloris", 16, 0), baseline)).isEqualTo("met");
        assertThat(AbuseTable.verdict(phase("flood", 20, 0), baseline)).isEqualTo("NOT met: p99 2.50×");
        assertThat(AbuseTable.verdict(phase("slowloris", 16.4, 0), baseline)).isEqualTo("NOT met: p99 2.05×");
        assertThat(AbuseTable.verdict(phase("oversize", 9, 1), baseline)).isEqualTo("NOT met: 1 error");
        assertThat(AbuseTable.verdict(phase("flood", 80, 3), baseline)).isEqualTo("NOT met: p99 10.00×, 3 errors");
    }

    @Test
    void aWindowWithoutDeliveriesShouldHaveNoRatioAndFailTheTarget() {
        PhaseResult baseline = phase("baseline", 8, 0);
        PhaseResult silent = new PhaseResult("flood", new Latency(0, 0, 0, 0, 0), 50, 0, 0, 0, Map.of(),
                OptionalDouble.empty(), 0.4, OptionalLong.empty(), OptionalLong.empty(), Optional.empty());

        assertThat(AbuseTable.p99Ratio(silent, baseline)).isEmpty();
        assertThat(AbuseTable.verdict(silent, baseline)).isEqualTo("NOT met: no deliveries");
        assertThat(AbuseTable.row(silent, baseline)).contains(" - ");
    }

    @Test
    void theTableShouldHaveARowPerWindowAndALinePerAttack() {
        PhaseResult baseline = phase("baseline", 8, 0);
        PhaseResult oversize = phase("oversize", 9, 0).withAttack(outcome(AttackKind.OVERSIZE,
                Map.of("stream error policy-violation \"too large\"", 40L, ConnectionEnds.STILL_OPEN, 2L)));
        PhaseResult flood = phase("flood", 40, 2).withAttack(outcome(AttackKind.FLOOD,
                Map.of(ConnectionEnds.STILL_OPEN, 4L)));
        AbuseProfile.Result result = new AbuseProfile.Result(10, 10, 100, new Population.Phase(100, 0, 1),
                new Population.Phase(100, 0, 1), 0.5, AbuseOptions.defaults(),
                List.of(baseline, oversize, flood, phase(AbuseProfile.AFTER, 8, 0)), 2, Map.of());

        List<String> lines = AbuseTable.lines(result);

        assertThat(lines.get(1)).startsWith("phase").contains("p99 ms", "×base", "attacker");
        assertThat(lines.get(2)).startsWith("baseline").contains("8.00", "1.00×", "100.0", "300", "40");
        assertThat(lines.get(3)).startsWith("oversize").contains("1.13×", " met ",
                "40 stream error policy-violation \"too large\"; 2 still open");
        assertThat(lines.get(4)).startsWith("flood").contains("5.00×", "NOT met: p99 5.00×, 2 errors", "4 still open");
        assertThat(lines.get(5)).startsWith("after all").contains(" met");
        assertThat(lines).anyMatch(l -> l.equals("abuse: oversize (4 sessions at a time, 35 s): 40 stream error"
                + " policy-violation \"too large\"; 2 still open; stanzas/s 12.3; stanzas sent 1,234;"
                + " stanza errors 2 error message policy-violation"));
        assertThat(lines).contains("abuse: flood: well-behaved errors {session lost: connection closed=2}");
        assertThat(lines.getLast()).isEqualTo("abuse: target met in 2 of 3 windows after the baseline");
    }
}
