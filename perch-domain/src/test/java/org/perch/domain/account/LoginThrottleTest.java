package org.perch.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;

class LoginThrottleTest {

    private static final Jid ALICE = Jid.of("alice@localhost");
    private static final Jid BOB = Jid.of("bob@localhost");
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(3, 5, WINDOW, clock);

    @Test
    void loginShouldBeAllowedBeforeAnyFailure() {
        assertThat(throttle.allowed(ALICE, "192.0.2.1")).isTrue();
    }

    @Test
    void accountShouldBeLockedOutAfterMaxFailures() {
        failTimes(ALICE, "192.0.2.1", 2);
        assertThat(throttle.allowed(ALICE, "192.0.2.1")).isTrue();

        throttle.failure(ALICE, "192.0.2.1");

        assertThat(throttle.allowed(ALICE, "192.0.2.1")).isFalse();
        assertThat(throttle.allowed(ALICE, "198.51.100.7")).as("another address, same account").isFalse();
        assertThat(throttle.allowed(BOB, "192.0.2.1")).as("another account, same address").isTrue();
    }

    @Test
    void lockoutShouldEndWhenTheWindowHasPassedSinceTheLastFailure() {
        failTimes(ALICE, "192.0.2.1", 3);

        clock.advance(WINDOW.minusSeconds(1));
        assertThat(throttle.allowed(ALICE, "192.0.2.1")).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.allowed(ALICE, "192.0.2.1")).isTrue();
    }

    @Test
    void failuresFurtherApartThanTheWindowShouldNotAddUp() {
        failTimes(ALICE, "192.0.2.1", 2);
        clock.advance(WINDOW);

        failTimes(ALICE, "192.0.2.1", 2);

        assertThat(throttle.allowed(ALICE, "192.0.2.1")).isTrue();
    }

    @Test
    void addressShouldBeLockedOutAfterMaxFailuresAcrossAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.failure(Jid.bare("user" + i, "localhost"), "192.0.2.1");
        }

        assertThat(throttle.allowed(Jid.bare("someone-else", "localhost"), "192.0.2.1")).isFalse();
        assertThat(throttle.allowed(Jid.bare("someone-else", "localhost"), "192.0.2.2")).isTrue();
    }

    @Test
    void successShouldClearTheAccountsFailuresButNotTheAddresses() {
        failTimes(ALICE, "192.0.2.1", 3);
        failTimes(BOB, "192.0.2.1", 1);

        throttle.success(ALICE, "192.0.2.1");
        assertThat(throttle.allowed(ALICE, "192.0.2.9")).isTrue();

        throttle.failure(BOB, "192.0.2.1");
        assertThat(throttle.allowed(Jid.of("carol@localhost"), "192.0.2.1"))
                .as("5 failures from the address in total").isFalse();
    }

    @Test
    void failuresShouldCountTheBareJid() {
        failTimes(Jid.of("alice@localhost/phone"), "192.0.2.1", 3);

        assertThat(throttle.allowed(ALICE, "192.0.2.2")).isFalse();
    }

    @Test
    void unknownAddressShouldNotLockOutOtherClients() {
        for (int i = 0; i < 10; i++) {
            throttle.failure(Jid.bare("user" + i, "localhost"), "");
        }

        assertThat(throttle.allowed(BOB, "")).isTrue();
    }

    @Test
    void expiredEntriesShouldBeForgotten() {
        failTimes(ALICE, "192.0.2.1", 1);
        clock.advance(WINDOW);

        throttle.failure(BOB, "192.0.2.2");

        assertThat(throttle.trackedKeys()).isEqualTo(2);
    }

    @Test
    void tablesShouldBeCappedByDroppingTheOldestEntries() {
        LoginThrottle small = new LoginThrottle(1, 100, WINDOW, clock, 10);
        small.failure(ALICE, "192.0.2.1");
        for (int i = 0; i < 10; i++) {
            small.failure(Jid.bare("user" + i, "localhost"), "192.0.2.1");
        }

        assertThat(small.trackedKeys()).isEqualTo(11);
        assertThat(small.allowed(ALICE, "192.0.2.2")).as("oldest entry dropped").isTrue();
        assertThat(small.allowed(Jid.bare("user9", "localhost"), "192.0.2.2")).isFalse();
    }

    @Test
    void concurrentFailuresShouldAllBeCounted() throws Exception {
        LoginThrottle big = new LoginThrottle(400, 10_000, WINDOW, clock);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 100; i++) {
                        big.failure(ALICE, "192.0.2.1");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }

        assertThat(big.allowed(ALICE, "192.0.2.2")).isFalse();
    }

    @Test
    void defaultsShouldBeFivePerAccount() {
        LoginThrottle defaults = LoginThrottle.withDefaults(clock);
        failTimes(defaults, ALICE, 4);
        assertThat(defaults.allowed(ALICE, "192.0.2.1")).isTrue();

        failTimes(defaults, ALICE, 1);
        assertThat(defaults.allowed(ALICE, "192.0.2.1")).isFalse();
    }

    private void failTimes(Jid jid, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failure(jid, address);
        }
    }

    private static void failTimes(LoginThrottle t, Jid jid, int times) {
        for (int i = 0; i < times; i++) {
            t.failure(jid, "192.0.2.1");
        }
    }
}
