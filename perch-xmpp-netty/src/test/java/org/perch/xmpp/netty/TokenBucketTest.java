package org.perch.xmpp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void aFullBucketShouldGiveItsBurstAtOnceThenOneTokenPerPeriod() {
        TokenBucket bucket = new TokenBucket(10, 3, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake()).isTrue();
        }
        assertThat(bucket.tryTake()).isFalse();
        assertThat(bucket.nanosUntilToken()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(bucket.nanosUntilToken()).isZero();
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
    }

    @Test
    void aLongQuietSpellShouldRefillNoMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(10, 3, now::get);
        for (int i = 0; i < 3; i++) {
            bucket.tryTake();
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        int taken = 0;
        while (bucket.tryTake()) {
            taken++;
        }
        assertThat(taken).isEqualTo(3);
    }
}
