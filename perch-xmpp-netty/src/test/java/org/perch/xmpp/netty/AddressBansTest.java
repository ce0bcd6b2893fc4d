package org.perch.xmpp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AddressBansTest {
    private final TransportStats stats = new TransportStats();
    private long now = 1_000;
    private final AddressBans bans = new AddressBans(new AbuseBan(3, Duration.ofSeconds(60)), () -> now, stats);
    private final InetAddress offender = address("192.0.2.7");
    private final InetAddress neighbour = address("192.0.2.8");

    @Test
    void anAddressShouldBeRefusedOnceItsConnectionsWereEndedForAbuseOftenEnoughAndOthersNot() {
        bans.offence(offender, "policy-violation");
        bans.offence(offender, "policy-violation");
        assertThat(bans.refuses(offender)).as("two offences of three").isFalse();

        bans.offence(offender, "restricted-xml");
        assertThat(bans.refuses(offender)).isTrue();
        assertThat(bans.refuses(neighbour)).isFalse();
        assertThat(stats.snapshot(0, 0).addressesBanned()).isEqualTo(1);
        assertThat(stats.snapshot(0, 0).refusedBanned()).isEqualTo(1);
    }

    @Test
    void aBanShouldEndTheDurationAfterTheLastOffence() {
        offend(3);
        seconds(59);
        assertThat(bans.refuses(offender)).isTrue();
        bans.offence(offender, "policy-violation"); // a connection opened before the ban ends late
        seconds(59);
        assertThat(bans.refuses(offender)).as("the ban runs on from the last offence").isTrue();
        seconds(2);
        assertThat(bans.refuses(offender)).isFalse();

        bans.offence(offender, "policy-violation");
        assertThat(bans.refuses(offender)).as("after a ban, offences count afresh").isFalse();
    }

    @Test
    void offencesSpreadOverMoreThanTheDurationShouldNotBan() {
        offend(2);
        seconds(61);
        offend(2);
        assertThat(bans.refuses(offender)).isFalse();
    }

    @Test
    void bansSwitchedOffShouldNeverRefuse() {
        AddressBans off = new AddressBans(AbuseBan.OFF, () -> now, stats);
        for (int i = 0; i < 100; i++) {
            off.offence(offender, "policy-violation");
        }
        assertThat(off.refuses(offender)).isFalse();
    }

    @Test
    void theTableShouldStayBoundedWhenOffencesComeFromEveryAddressOfARange() {
        for (int i = 0; i < AddressBans.MAX_TRACKED + 10; i++) {
            bans.offence(address("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255)), "x");
        }
        offend(3);
        assertThat(bans.refuses(offender)).as("a full table of live entries tracks no newcomer").isFalse();

        seconds(61);
        offend(3);
        assertThat(bans.refuses(offender)).as("expired entries make room").isTrue();
    }

    private void offend(int times) {
        for (int i = 0; i < times; i++) {
            bans.offence(offender, "policy-violation");
        }
    }

    private void seconds(long s) {
        now += TimeUnit.SECONDS.toNanos(s);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
