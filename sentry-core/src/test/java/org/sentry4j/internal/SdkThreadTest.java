package org.sentry4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.TestReceiver;

class SdkThreadTest {
    @TempDir
    Path spool;

    @AfterEach
    void close() {
        Sentry.close();
    }

    @Test
    void everyThreadTheSdkStartsIsADaemonAtMinimumPriority() {
        try (TestReceiver receiver = TestReceiver.start()) {
            Set<Thread> before = Thread.getAllStackTraces().keySet(); // other tests' threads may linger
            Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).cacheDir(spool));
            String id = Sentry.captureMessage("starts the worker, the senders and the spool");
            receiver.awaitEvent(e -> id.equals(e.eventString("event_id")), Duration.ofSeconds(10));

            List<Thread> sdkThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> SdkThread.isSdkThreadName(t.getName()) && !before.contains(t))
                    .collect(Collectors.toList());

            assertThat(sdkThreads).extracting(Thread::getName)
                    .contains("sentry4j-worker", "sentry4j-sender", "sentry4j-spool");
            assertThat(sdkThreads).allSatisfy(t -> {
                assertThat(t.isDaemon()).as(t.getName() + " is a daemon").isTrue();
                assertThat(t.getPriority()).as(t.getName() + "'s priority").isEqualTo(Thread.MIN_PRIORITY);
            });
            assertThat(Sentry.flush(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void threadPriorityAppliesToTheWorkerTheSendersAndTheSpool() throws InterruptedException {
        try (TestReceiver receiver = TestReceiver.start()) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).cacheDir(spool).threadPriority(5));
            String id = Sentry.captureMessage("starts the worker, the senders and the spool");
            receiver.awaitEvent(e -> id.equals(e.eventString("event_id")), Duration.ofSeconds(10));

            List<Thread> longLived = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> List.of("sentry4j-worker", "sentry4j-sender", "sentry4j-spool").contains(t.getName())
                            && !before.contains(t))
                    .collect(Collectors.toList());

            assertThat(longLived).extracting(Thread::getName)
                    .contains("sentry4j-worker", "sentry4j-sender", "sentry4j-spool");
            assertThat(longLived).allSatisfy(t -> {
                assertThat(t.isDaemon()).as(t.getName() + " is a daemon").isTrue();
                assertThat(t.getPriority()).as(t.getName() + "'s priority").isEqualTo(5);
            });
            assertThat(Sentry.flush(Duration.ofSeconds(10))).isTrue();

            Sentry.close();
            for (Thread t : longLived) {
                t.join(10_000);
                assertThat(t.isAlive()).as(t.getName() + " ended by close").isFalse();
            }
        }
    }

    @Test
    void closingRaisesAThreadToNormalPriorityButNeverLowersOne() {
        Thread low = new SdkThread("test-low", () -> { });
        Thread high = new SdkThread("test-high", 8, () -> { });

        SdkThread.raiseForClosing(low);
        SdkThread.raiseForClosing(high);

        assertThat(low.getPriority()).isEqualTo(Thread.NORM_PRIORITY);
        assertThat(high.getPriority()).isEqualTo(8);
    }

    @Test
    void recordsAreJudgedByTheThreadNameTheyCarry() {
        assertThat(SdkThread.isSdkThreadName("sentry4j-sender")).isTrue();
        assertThat(SdkThread.isSdkThreadName("main")).isFalse();
        assertThat(SdkThread.isSdkThreadName(null)).isFalse();
    }
}
