package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.internal.transport.TransportFixture.WAIT;
import static org.sentry4j.internal.transport.TransportFixture.event;
import static org.sentry4j.internal.transport.TransportFixture.id;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.SlowClientBuild;
import org.sentry4j.testkit.TestCertificates;
import org.sentry4j.testkit.TestReceiver;
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
            assertThat(stats.dropped().keySet()).as(stats.toString()).isSubsetOf("network_error");
            assertThat(stats.sent() + stats.spooled() + stats.droppedTotal()).as(stats.toString()).isEqualTo(EVENTS);
        } finally {
            release.countDown();
        }
        transport = null;
    }

    @Test
    void closeWithNothingPendingDoesNotWaitForASenderStillBuildingItsClient() throws Exception {
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch finishBuild = new CountDownLatch(1);
        javax.net.ssl.SSLContext original = javax.net.ssl.SSLContext.getDefault();
        javax.net.ssl.SSLContext.setDefault(SlowClientBuild.sslContext(building, finishBuild, Duration.ofMinutes(1)));
        try {
            // https: only a client for TLS reads the JVM's default context (nothing is sent here)
            transport = fx.transport(o -> o.dsn(receiver.dsn().replace("http://", "https://")));
            assertThat(building.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("a sender is building").isTrue();
            Duration timeout = Duration.ofSeconds(20);
            long start = System.nanoTime();

            transport.close(timeout);

            // the build is still blocked: close waited neither for it nor for its own deadline
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout);
            assertThat(finishBuild.getCount()).isEqualTo(1);
        } finally {
            finishBuild.countDown();
            javax.net.ssl.SSLContext.setDefault(original);
        }
        awaitSdkThreadsEnded();
        transport = null;
    }

    @Test
    void aClientBuildStillRunningAtCloseIsWaitedForNotAReasonToSpool() throws Exception {
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch finishBuild = new CountDownLatch(1);
        javax.net.ssl.SSLContext original = javax.net.ssl.SSLContext.getDefault();
        TestCertificates certificates = TestCertificates.create(java.nio.file.Files.createDirectories(dir.resolve("certificates")));
        // https: only a client for TLS reads the JVM's default context, here a slow one trusting the receiver
        javax.net.ssl.SSLContext.setDefault(SlowClientBuild.sslContext(building, finishBuild, Duration.ofMinutes(1),
                certificates.clientContext()));
        try (TestReceiver tls = TestReceiver.startTls(certificates.serverContext())) {
            transport = fx.transport(o -> o.dsn(tls.dsn()));
            transport.send(event(id(1)));
            transport.send(event(id(2)));
            assertThat(building.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.CompletableFuture<Void> closed =
                    java.util.concurrent.CompletableFuture.runAsync(() -> transport.close(WAIT));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!transport.urgent() && System.nanoTime() - deadline < 0) {
                Thread.onSpinWait(); // until close waits
            }
            finishBuild.countDown(); // the slow build ends while close waits

            closed.get(WAIT.toSeconds() * 2, TimeUnit.SECONDS);
            assertThat(TransportFixture.eventIds(tls.envelopes())).containsExactlyInAnyOrder(id(1), id(2));
            assertThat(transport.stats().spooled()).isZero();
        } finally {
            finishBuild.countDown();
            javax.net.ssl.SSLContext.setDefault(original);
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
