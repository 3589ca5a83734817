package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.internal.transport.TransportFixture.WAIT;
import static org.sentry4j.internal.transport.TransportFixture.event;
import static org.sentry4j.internal.transport.TransportFixture.id;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sentry4j.transport.TransportStats;

/** Close accounts for every envelope it accepted: sent, spooled or dropped and counted. */
class CloseTest extends TransportTestBase {
    private static final int EVENTS = 20;

    @Test
    void closeWithNoTimeLeftLosesNoEnvelopeUncountedEvenOneWhoseRequestItAborts() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        receiver.holdRequests(held, release, WAIT);
        transport = fx.transport(o -> { });
        try {
            for (int i = 0; i < EVENTS; i++) {
                transport.send(event(id(i)));
            }
            assertThat(held.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

            transport.close(Duration.ZERO); // aborts the held request: its sender hands the envelope on late
            awaitSdkThreadsEnded();

            TransportStats stats = transport.stats();
            assertThat(stats.queued()).as(stats.toString()).isZero();
            assertThat(stats.dropped().keySet()).as(stats.toString()).isSubsetOf("queue_overflow");
            assertThat(stats.sent() + stats.spooled() + stats.droppedTotal()).as(stats.toString()).isEqualTo(EVENTS);
        } finally {
            release.countDown();
        }
        transport = null;
    }

    /** What the threads still do after close returned (a late hand-off) must be counted too. */
    private static void awaitSdkThreadsEnded() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("sentry4j-sender") || t.getName().equals("sentry4j-spool")) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                assertThat(t.isAlive()).as(t.getName() + " still running").isFalse();
            }
        }
    }
}
