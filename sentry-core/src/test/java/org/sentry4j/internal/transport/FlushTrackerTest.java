package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;

/** The flush tracker: each flush waits for what was accepted before it began, and only for that. */
class FlushTrackerTest {
    private final FlushTracker tracker = new FlushTracker();

    private Pending accept() {
        Envelope e = Envelope.of("0", "sentry4j.java", "0", List.of(EnvelopeItem.event("{}".getBytes(StandardCharsets.UTF_8))));
        return new Pending(e, tracker.accept(), 0);
    }

    private static long in(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void overlappingFlushesEachWaitForWhatWasAcceptedBeforeThem() {
        Pending a = accept();
        Pending b = accept();
        long first = tracker.begin();
        Pending c = accept();
        long second = tracker.begin(); // another flush begins while the first waits

        tracker.settle(c); // answered first: stands in for neither a nor b
        assertThat(tracker.settledThrough(first)).isFalse();
        assertThat(tracker.settledThrough(second)).isFalse();

        tracker.settle(b);
        tracker.settle(a);
        assertThat(tracker.settledThrough(first)).isTrue();
        assertThat(tracker.settledThrough(second)).isTrue();
        tracker.end();
        tracker.end();
        assertThat(tracker.waiting()).isFalse();
    }

    @Test
    void aLaterFlushStillWaitsWhenAnEarlierOneIsSatisfied() {
        Pending a = accept();
        long first = tracker.begin();
        Pending b = accept();
        long second = tracker.begin();

        tracker.settle(a);
        assertThat(tracker.settledThrough(first)).isTrue();
        tracker.end(); // the first flush is done
        assertThat(tracker.waiting()).as("the second still waits").isTrue();
        assertThat(tracker.settledThrough(second)).as("b is still open").isFalse();
        tracker.settle(b);
        assertThat(tracker.settledThrough(second)).isTrue();
        tracker.end();
    }

    @Test
    void envelopesNotCountedNeverHoldAFlush() {
        Pending counted = accept();
        long flush = tracker.begin();
        tracker.settle(new Pending(counted.envelope, FlushTracker.NOT_COUNTED, 0)); // a report sent alone
        assertThat(tracker.settledThrough(flush)).isFalse();
        tracker.settle(counted);
        assertThat(tracker.settledThrough(flush)).isTrue();
        tracker.end();
    }

    @Test
    void aFlushEndingAtItsDeadlineLeavesCloseWaitingUntilItsEnvelopesAreSettled() throws Exception {
        Pending a = accept();
        CountDownLatch closeBegan = new CountDownLatch(1);
        CompletableFuture<Boolean> close = CompletableFuture.supplyAsync(() -> {
            long seq = tracker.begin();
            closeBegan.countDown();
            try {
                return tracker.await(seq, in(60_000));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                tracker.end();
            }
        });
        assertThat(closeBegan.await(10, TimeUnit.SECONDS)).isTrue();

        long flush = tracker.begin();
        assertThat(tracker.await(flush, System.nanoTime())).as("its deadline has passed").isFalse();
        tracker.end();

        assertThat(tracker.waiting()).as("close still waits").isTrue();
        assertThat(close).isNotDone();
        tracker.settle(a);
        assertThat(close.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(tracker.waiting()).isFalse();
    }

    @Test
    void aWaiterWakesWhenItsEnvelopesSettle() throws Exception {
        Pending a = accept();
        long seq = tracker.begin();
        CompletableFuture<Boolean> flush = CompletableFuture.supplyAsync(() -> {
            try {
                return tracker.await(seq, in(60_000));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Pending later = accept(); // accepted after the flush began: not waited for
        tracker.settle(a);
        assertThat(flush.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(tracker.settledThrough(later.seq)).isFalse();
        tracker.end();
    }
}
