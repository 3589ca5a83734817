package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;

/** The flush tracker: each flush waits for what was accepted before it began, and only for that. */
class SettlementsTest {
    private final Settlements settlements = new Settlements();

    private Pending accept() {
        Envelope e = Envelope.of("0", "sentry4j.java", "0", List.of(EnvelopeItem.event("{}".getBytes(StandardCharsets.UTF_8))));
        return new Pending(e, settlements.accept());
    }

    @Test
    void overlappingFlushesEachWaitForWhatWasAcceptedBeforeThem() {
        Pending a = accept();
        Pending b = accept();
        long first = settlements.lastAccepted(); // a flush begins
        Pending c = accept();
        long second = settlements.lastAccepted(); // another flush begins while the first waits

        settlements.settle(c); // answered first: stands in for neither a nor b
        assertThat(settlements.settledThrough(first)).isFalse();
        assertThat(settlements.settledThrough(second)).isFalse();

        settlements.settle(b);
        settlements.settle(a);
        assertThat(settlements.settledThrough(first)).isTrue();
        assertThat(settlements.settledThrough(second)).isTrue();
    }

    @Test
    void aLaterFlushStillWaitsWhenAnEarlierOneIsSatisfied() {
        Pending a = accept();
        long first = settlements.lastAccepted();
        Pending b = accept();
        long second = settlements.lastAccepted();

        settlements.settle(a);
        assertThat(settlements.settledThrough(first)).isTrue();
        assertThat(settlements.settledThrough(second)).as("b is still open").isFalse();
        settlements.settle(b);
        assertThat(settlements.settledThrough(second)).isTrue();
    }

    @Test
    void envelopesNotCountedNeverHoldAFlush() {
        Pending counted = accept();
        long flush = settlements.lastAccepted();
        settlements.settle(new Pending(counted.envelope, Settlements.NOT_COUNTED)); // a report sent alone
        assertThat(settlements.settledThrough(flush)).isFalse();
        settlements.settle(counted);
        assertThat(settlements.settledThrough(flush)).isTrue();
    }
}
