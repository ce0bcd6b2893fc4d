package org.perch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.perch.cli.Failures.StepFailed;

/** How {@code perch test message} runs and reports its steps. */
class StepsTest {

    @Test
    void aFailedStepShouldBeReportedWithItsReasonAndTheRestSkipped() {
        try (Steps steps = new Steps(Duration.ofSeconds(5))) {
            steps.run("first", () -> "found it");
            steps.run("second", () -> {
                throw new StepFailed("no room");
            });
            steps.run("third", () -> "never run");

            assertThat(steps.results()).extracting(StepResult::step, StepResult::result, StepResult::detail)
                    .containsExactly(
                            tuple("first", StepResult.Result.ok, "found it"),
                            tuple("second", StepResult.Result.failed, "no room"),
                            tuple("third", StepResult.Result.skipped, ""));
            assertThat(steps.firstFailure()).map(StepResult::step).contains("second");
        }
    }

    @Test
    void aStepThatOverrunsShouldFailAndBeInterrupted() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        try (Steps steps = new Steps(Duration.ofSeconds(1))) {
            steps.run("wait", () -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return "";
            });

            assertThat(steps.results().getFirst().detail()).isEqualTo("no answer within 1 s");
            assertThat(steps.results().getFirst().millis()).isGreaterThanOrEqualTo(1000);
            assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the step was interrupted").isTrue();
        }
    }

    @Test
    void aServersRefusalShouldBeToldInItsOwnWords() {
        StanzaError policy = StanzaError.from(StanzaError.Condition.forbidden, "not enabled for you by policy")
                .build();
        StanzaError bare = StanzaError.getBuilder(StanzaError.Condition.item_not_found).build();

        assertThat(Failures.describe(policy)).isEqualTo("forbidden (not enabled for you by policy)");
        assertThat(Failures.describe(bare)).isEqualTo("item-not-found");
        assertThat(Failures.describe(new UnknownHostException("nowhere.invalid"), Duration.ofSeconds(1)))
                .isEqualTo("unknown host nowhere.invalid");
    }
}
