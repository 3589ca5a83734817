package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sentry4j.testkit.TestClock;

/** The gate: parallel while clear, one probe otherwise, backoff after a failure, slow answers; time moves only through the clock. */
class GateTest {
    private final TestClock clock = new TestClock();
    private final RateLimits limits = new RateLimits(clock);
    private final Gate gate = new Gate(clock, new Random(1), limits, 4);

    private static boolean probe(long ticket) {
        return ticket != Gate.WAIT && (ticket & 1) == 1;
    }

    @Test
    void atStartRequestsGoInParallel() {
        // a new process has seen no limit: its first events (often its last, in a short-lived program) go at once
        long a = gate.enter(0);
        long b = gate.enter(1);
        long c = gate.enter(2);
        assertThat(a).isNotEqualTo(Gate.WAIT);
        assertThat(b).isNotEqualTo(Gate.WAIT);
        assertThat(c).isNotEqualTo(Gate.WAIT);
        assertThat(probe(a) || probe(b) || probe(c)).isFalse();
        assertThat(gate.reachable()).isTrue();
        assertThat(gate.keepingUp()).isTrue();
    }

    @Test
    void afterAFailureNothingGoesUntilTheBackoffThenOneProbeAndTheOthersWaitForItsAnswer() {
        gate.answered(0, gate.enter(0), Gate.Answer.UNREACHABLE, true);
        assertThat(gate.reachable()).isFalse();
        assertThat(gate.failingSince()).isEqualTo(clock.instant());
        assertThat(gate.waitingOut()).isTrue();
        assertThat(gate.enter(0)).as("the backoff runs").isEqualTo(Gate.WAIT);

        clock.advance(Gate.BASE); // the first delay is at most BASE
        assertThat(gate.waitingOut()).isFalse();
        long probe = gate.enter(0);
        assertThat(probe(probe)).isTrue();
        assertThat(gate.enter(1)).isEqualTo(Gate.WAIT);
        assertThat(gate.enter(2)).isEqualTo(Gate.WAIT);

        gate.answered(0, probe, Gate.Answer.PLAIN, true);

        assertThat(gate.reachable()).isTrue();
        assertThat(gate.failingSince()).isNull();
        long a = gate.enter(0);
        long b = gate.enter(1);
        assertThat(a).isNotEqualTo(Gate.WAIT);
        assertThat(probe(a)).isFalse();
        assertThat(probe(b)).isFalse();
    }

    @Test
    void theBackoffDoublesUpToItsCapAndAnAnswerResetsIt() {
        long waited = 0;
        for (int failure = 1; failure <= 10; failure++) {
            gate.answered(0, gate.enter(0), Gate.Answer.UNREACHABLE, true);
            long cap = Math.min(Gate.CAP.toMillis(), Gate.BASE.toMillis() << (failure - 1));
            clock.advance(Duration.ofMillis(cap / 2 - 1)); // jitter in [cap/2, cap]: not yet
            assertThat(gate.enter(0)).as("failure %d", failure).isEqualTo(Gate.WAIT);
            clock.advance(Duration.ofMillis(cap / 2 + 1));
            waited = cap;
        }
        assertThat(waited).isEqualTo(Gate.CAP.toMillis());
        long probe = gate.enter(0);
        assertThat(probe).isNotEqualTo(Gate.WAIT);
        gate.answered(0, probe, Gate.Answer.PLAIN, true);
        gate.answered(0, gate.enter(0), Gate.Answer.UNREACHABLE, true);
        clock.advance(Gate.BASE);
        assertThat(gate.enter(0)).as("back to the first delay").isNotEqualTo(Gate.WAIT);
    }

    @Test
    void anAnswerWithLimitsClosesItAndOnlyACurrentPlainAnswerReopens() {
        long a = gate.enter(0);
        long b = gate.enter(1);
        long c = gate.enter(2);

        gate.answered(0, a, Gate.Answer.LIMITED, true); // a 429: the others are already on their way
        assertThat(gate.reachable()).as("a 429 is an answer").isTrue();
        long next = gate.enter(0);
        assertThat(probe(next)).as("after a 429 the next request probes").isTrue();
        assertThat(gate.enter(3)).isEqualTo(Gate.WAIT);

        gate.answered(1, b, Gate.Answer.PLAIN, true); // sent before the 429: says nothing of the state now
        assertThat(gate.enter(1)).isEqualTo(Gate.WAIT);
        gate.answered(2, c, Gate.Answer.LIMITED, true);
        assertThat(gate.enter(2)).isEqualTo(Gate.WAIT);

        gate.answered(0, next, Gate.Answer.PLAIN, true);
        assertThat(probe(gate.enter(0))).isFalse();
    }

    @Test
    void whenTheFlowGoesIdleTheNextRequestProbesAgain() {
        long first = gate.enter(0);
        gate.answered(0, first, Gate.Answer.PLAIN, false); // nothing else to send
        long next = gate.enter(0);
        assertThat(probe(next)).isTrue();
        assertThat(gate.enter(1)).isEqualTo(Gate.WAIT);
    }

    @Test
    void aProbeThatSentNothingLetsTheNextOneGo() {
        gate.answered(0, gate.enter(0), Gate.Answer.PLAIN, false);
        long probe = gate.enter(0);
        assertThat(probe(probe)).isTrue();
        gate.leave(0, probe);
        assertThat(probe(gate.enter(1))).isTrue();
    }

    @Test
    void slowAnswersAndARequestOutTooLongMeanTheServerDoesNotKeepUp() {
        long a = gate.enter(0);
        clock.advance(Duration.ofMillis(Gate.SLOW_MILLIS + 1)); // out this long, and no answer since
        assertThat(gate.keepingUp()).isFalse();
        assertThat(gate.slowOnAverage()).isFalse();
        gate.answered(0, a, Gate.Answer.PLAIN, true);
        assertThat(gate.slowOnAverage()).as("its answer took that long").isTrue();
        assertThat(gate.keepingUp()).isFalse();
        assertThat(gate.reachable()).as("slow is not unreachable").isTrue();

        for (int i = 0; i < 20; i++) { // fast answers bring the average down
            gate.answered(0, gate.enter(0), Gate.Answer.PLAIN, true);
        }
        assertThat(gate.slowOnAverage()).isFalse();
        assertThat(gate.keepingUp()).isTrue();
    }

    @Test
    void anAnswerOnAnotherConnectionMeansALongRequestIsNotAStall() {
        long a = gate.enter(0);
        clock.advance(Duration.ofMillis(Gate.SLOW_MILLIS - 10));
        gate.answered(1, gate.enter(1), Gate.Answer.PLAIN, true); // answered at once
        clock.advance(Duration.ofMillis(20)); // a is out past the limit, but an answer came 20 ms ago
        assertThat(gate.keepingUp()).isTrue();
        gate.answered(0, a, Gate.Answer.PLAIN, true);
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSenderToldToWaitDoesNotWaitOnceTheAnswerHasComeMeanwhile() throws InterruptedException {
        gate.answered(0, gate.enter(0), Gate.Answer.PLAIN, false);
        long probe = gate.enter(0);
        assertThat(gate.enter(1)).isEqualTo(Gate.WAIT);
        gate.answered(0, probe, Gate.Answer.PLAIN, true); // before sender 1 begins to wait: no one to wake
        gate.await(TimeUnit.HOURS.toMillis(1));
        assertThat(gate.enter(1)).isNotEqualTo(Gate.WAIT);
    }

    @Test
    void everythingLimitedIsSaid() {
        limits.update(429, null, "60");
        assertThat(gate.allLimited()).isTrue();
        clock.advance(Duration.ofSeconds(61));
        assertThat(gate.allLimited()).isFalse();
    }
}
