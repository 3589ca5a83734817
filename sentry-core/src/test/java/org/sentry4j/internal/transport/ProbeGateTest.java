package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbeGateTest {
    final ProbeGate gate = new ProbeGate();

    private static boolean probe(long ticket) {
        return ticket != ProbeGate.WAIT && (ticket & 1) == 1;
    }

    @Test
    void atStartRequestsGoInParallel() {
        // a new process has seen no limit: its first events (often its last, in a short-lived program) go at once
        long a = gate.enter();
        long b = gate.enter();
        long c = gate.enter();
        assertThat(a).isNotEqualTo(ProbeGate.WAIT);
        assertThat(b).isNotEqualTo(ProbeGate.WAIT);
        assertThat(c).isNotEqualTo(ProbeGate.WAIT);
        assertThat(probe(a) || probe(b) || probe(c)).isFalse();
    }

    @Test
    void afterAFailureOneProbeGoesAndTheOthersWaitForItsAnswer() {
        gate.answered(gate.enter(), false, true); // no answer: the state is unknown now
        long probe = gate.enter();
        assertThat(probe(probe)).isTrue();
        assertThat(gate.enter()).isEqualTo(ProbeGate.WAIT);
        assertThat(gate.enter()).isEqualTo(ProbeGate.WAIT);

        gate.answered(probe, true, true);

        long a = gate.enter();
        long b = gate.enter();
        assertThat(a).isNotEqualTo(ProbeGate.WAIT);
        assertThat(probe(a)).isFalse();
        assertThat(probe(b)).isFalse();
    }

    @Test
    void anAnswerWithLimitsOrAFailureClosesItAndOnlyACurrentCleanAnswerReopens() {
        long a = gate.enter();
        long b = gate.enter();
        long c = gate.enter();

        gate.answered(a, false, true); // a 429: the others are already on their way, nothing to do about them
        long next = gate.enter();
        assertThat(probe(next)).as("after a 429 the next request probes").isTrue();
        assertThat(gate.enter()).isEqualTo(ProbeGate.WAIT);

        gate.answered(b, true, true); // sent before the 429: says nothing of the state now
        assertThat(gate.enter()).isEqualTo(ProbeGate.WAIT);
        gate.answered(c, false, true);
        assertThat(gate.enter()).isEqualTo(ProbeGate.WAIT);

        gate.answered(next, true, true);
        assertThat(probe(gate.enter())).isFalse();
    }

    @Test
    void whenTheFlowGoesIdleTheNextRequestProbesAgain() {
        long first = gate.enter();
        gate.answered(first, true, false); // nothing else to send
        long next = gate.enter();
        assertThat(probe(next)).isTrue();
        assertThat(gate.enter()).isEqualTo(ProbeGate.WAIT);
    }
}
