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

/** The comparison table's arithmetic: which step counts as saturation, and which way each ratio points. */
class SideBySideTest {

    private static FanoutProfile.Step step(double offered, double deliveries, double p99) {
        return new FanoutProfile.Step(offered / 100, offered, offered, deliveries, offered, new Latency(1, 1, 1, p99,
                p99), 0, OptionalDouble.of(0.5), OptionalLong.empty());
    }

    private static FanoutProfile.Result result(FanoutProfile.Step... steps) {
        Population.Phase phase = new Population.Phase(100, 0, 1);
        return new FanoutProfile.Result(10, 10, 100, phase, phase, List.of(steps), Optional.empty(), 0, Map.of());
    }

    @Test
    void saturationShouldBeTheMostDeliveriesUnderTheLimitsAndHalfItTheStepAtHalfItsRate() {
        FanoutProfile.Result perch = result(step(100, 1_000, 2), step(200, 2_000, 5), step(400, 4_000, 40),
                step(800, 5_000, 300));

        assertThat(SideBySide.best(perch)).map(FanoutProfile.Step::deliveries).contains(4_000.0);
        assertThat(SideBySide.halfOfBest(perch)).map(FanoutProfile.Step::offered).contains(200.0);
        assertThat(SideBySide.best(result(step(100, 1_000, 500)))).isEmpty();
    }

    @Test
    void ratiosShouldSayHowManyTimesBetterPerchDidWhicheverWayBetterPoints() {
        Map<Peer, FanoutProfile.Result> results = new LinkedHashMap<>();
        results.put(Peer.PERCH, result(step(100, 1_000, 2), step(200, 2_000, 4), step(400, 4_000, 8)));
        results.put(Peer.PROSODY, result(step(100, 1_000, 8), step(200, 2_000, 150)));

        List<SideBySide.Row> rows = SideBySide.fanoutRows(results, List.of(1.0, 2.0, 4.0));

        assertThat(row(rows, "deliveries/s at saturation").perchAdvantageOver(Peer.PROSODY)).hasValue(4.0);
        assertThat(row(rows, "p99 ms at 1.00 msg/s per poster").perchAdvantageOver(Peer.PROSODY)).hasValue(4.0);
        assertThat(row(rows, "p99 ms at 4.00 msg/s per poster").perchAdvantageOver(Peer.PROSODY)).isEmpty();
        assertThat(row(rows, "errors").perchAdvantageOver(Peer.PROSODY)).isEmpty();
    }

    private static SideBySide.Row row(List<SideBySide.Row> rows, String label) {
        return rows.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }
}
