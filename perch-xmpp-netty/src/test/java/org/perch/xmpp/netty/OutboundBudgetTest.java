package org.perch.xmpp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class OutboundBudgetTest {
    private final TransportStats stats = new TransportStats();

    @Test
    void writesShouldBeAdmittedUpToTheCapAndNoFurtherUntilHandedOver() {
        EmbeddedChannel channel = new EmbeddedChannel();
        OutboundBudget budget = new OutboundBudget(channel, 100, stats);

        assertThat(budget.reserve(60)).isTrue();
        assertThat(budget.reserve(40)).isTrue();
        assertThat(budget.reserve(1)).as("one byte over the cap").isFalse();
        assertThat(budget.unsent()).isEqualTo(100);

        budget.handedOver(60);
        assertThat(budget.reserve(50)).isTrue();
        assertThat(stats.snapshot(0, 0).peakOutboundBytes()).isEqualTo(100);
        channel.finishAndReleaseAll();
    }
}
