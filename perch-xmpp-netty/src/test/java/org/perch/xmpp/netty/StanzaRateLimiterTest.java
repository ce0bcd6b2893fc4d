package org.perch.xmpp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perch.xmpp.stream.StreamErrorCondition;
import org.perch.xmpp.stream.StreamHeader;
import org.perch.xmpp.xml.XmlElement;

class StanzaRateLimiterTest {
    private final TransportStats stats = new TransportStats();
    private final List<Object> passed = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();
    private EmbeddedChannel channel;

    @BeforeEach
    void open() {
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new StanzaRateLimiter(new StanzaRate(10, 3, Duration.ofSeconds(2)), stats),
                new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        passed.add(msg);
                    }

                    @Override
                    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                        events.add(event);
                    }
                });
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aBurstShouldPassAtOnceAndTheRestWaitWithReadingPaused() {
        read(5);
        assertThat(passed).hasSize(3);
        assertThat(channel.config().isAutoRead()).isFalse();
        assertThat(stats.snapshot(0, 0).heldStanzas()).isEqualTo(2);
        assertThat(stats.snapshot(0, 0).peakHeldStanzas()).isEqualTo(2);

        advance(100);
        assertThat(passed).hasSize(4);
        assertThat(channel.config().isAutoRead()).isFalse();
        advance(100);
        assertThat(passed).hasSize(5);
        assertThat(channel.config().isAutoRead()).as("reading resumes once nothing waits").isTrue();
        assertThat(events).isEmpty();
    }

    @Test
    void aStreamHeaderShouldKeepItsPlaceBehindWaitingStanzas() {
        read(4);
        channel.writeInbound(new StreamEvent.Opened(new StreamHeader("", "", "", "1.0", "")));
        assertThat(passed).hasSize(3);
        advance(100);
        assertThat(passed).hasSize(5);
        assertThat(passed.get(4)).isInstanceOf(StreamEvent.Opened.class);
    }

    @Test
    void aConnectionKeptOverItsRateLongerThanTheFloodTimeoutShouldBeEndedWithPolicyViolation() {
        for (int tick = 0; tick < 25 && events.isEmpty(); tick++) {
            read(5);
            readComplete();
            advance(100);
        }
        assertThat(events).singleElement().isInstanceOfSatisfying(LimitExceeded.class, limit -> {
            assertThat(limit.limit()).isEqualTo(LimitExceeded.Limit.STANZA_RATE);
            assertThat(limit.error().condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
        });
        int before = passed.size();
        read(5);
        advance(1000);
        assertThat(passed).as("nothing passes once the connection is flooded").hasSize(before);
        assertThat(channel.config().isAutoRead()).isFalse();
    }

    @Test
    void aConnectionThatFallsBackUnderItsRateShouldStartItsFloodTimeAfresh() {
        for (int second = 0; second < 5; second++) {
            read(4);
            readComplete();
            advance(1000);
            readComplete();
        }
        assertThat(events).isEmpty();
        assertThat(passed).hasSize(20);
    }

    @Test
    void aChargedCostShouldPauseReadingUntilItIsPaidOffWithoutCountingAsAFlood() {
        read(1);
        channel.pipeline().fireUserEventTriggered(new StanzaCost(12));
        assertThat(channel.config().isAutoRead()).as("2 tokens left, 12 charged: 10 owed, 11 to the next token")
                .isFalse();
        assertThat(stats.snapshot(0, 0).chargedStanzas()).isEqualTo(12);

        advance(1080);
        assertThat(channel.config().isAutoRead()).as("the debt is not paid off yet").isFalse();
        advance(40);
        assertThat(channel.config().isAutoRead()).as("paid off after 1.1 s at 10 a second").isTrue();
        read(1);
        assertThat(passed).hasSize(2);
        assertThat(events).as("a cost is never a flood, however long it takes").isEmpty();
    }

    @Test
    void aConnectionThatKeepsAskingForCostlyAnswersShouldBeSlowedToItsRateButNeverEnded() {
        for (int page = 0; page < 40; page++) {
            read(1);
            readComplete();
            channel.pipeline().fireUserEventTriggered(new StanzaCost(4));
            assertThat(channel.config().isAutoRead()).as("each answer costs 5 stanzas, at 10 a second").isFalse();
            advance(500);
            assertThat(channel.config().isAutoRead()).as("paid off within half a second").isTrue();
        }
        assertThat(passed).hasSize(40);
        assertThat(events).as("20 s over the rate, but nothing the client sent waited: no flood").isEmpty();
    }

    private void read(int stanzas) {
        for (int i = 0; i < stanzas; i++) {
            channel.writeInbound(new StreamEvent.Element(XmlElement.empty("presence", "jabber:client")));
        }
    }

    private void readComplete() {
        channel.pipeline().fireChannelReadComplete();
    }

    /** Moves the clock on in steps of 10 ms, running what falls due at each, as a real event loop would. */
    private void advance(long millis) {
        for (long step = 0; step < millis; step += 10) {
            channel.advanceTimeBy(10, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
        }
    }
}
