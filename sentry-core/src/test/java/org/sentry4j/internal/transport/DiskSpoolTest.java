package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.internal.transport.TransportFixture.WAIT;
import static org.sentry4j.internal.transport.TransportFixture.event;
import static org.sentry4j.internal.transport.TransportFixture.id;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sentry4j.SentryOptions;
import org.sentry4j.testkit.ReceivedEnvelope;
import org.sentry4j.testkit.TestReceiver;

class DiskSpoolTest extends TransportTestBase {
    @Test
    void corruptAndTruncatedFilesAreSkippedAndDeletedOnReplay() throws IOException {
        Path spool = Files.createDirectories(fx.cacheDir);
        byte[] good = event(id(1)).toBytes(null);
        long now = fx.clock.millis();
        Files.write(spool.resolve(now + "-00000001aa-error.envelope"), good);
        Files.write(spool.resolve(now + "-00000002aa-error.envelope"),
                java.util.Arrays.copyOf(event(id(2)).toBytes(null), good.length - 20));
        Files.write(spool.resolve(now + "-00000003aa-error.envelope"),
                "not an envelope at all\u0000\u0001".getBytes(StandardCharsets.UTF_8));
        Files.write(spool.resolve(".tmp-" + (now - 120_000) + "-00000004aa-error.envelope"), new byte[] {1, 2}); // torn by a crash

        transport = fx.transport(o -> { });
        transport.send(event(id(5)));

        assertThat(fx.awaitEvents(2, () -> transport.stats().toString())).containsExactlyInAnyOrder(id(1), id(5));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (transport.stats().spooled() > 0 && System.nanoTime() < deadline) {
            transport.flush(Duration.ofMillis(20)); // the file goes once its 2xx is in
        }
        try (var files = Files.list(spool)) {
            assertThat(files).as("torn, corrupt and delivered files are gone").isEmpty();
        }
        assertThat(fx.diagnostics()).contains("skipping unreadable spool file");
    }

    @Test
    void aProcessThatDiesMidReplayLeavesEveryUndeliveredEnvelopeOnDisk() throws IOException {
        receiver.down();
        HttpTransport first = fx.transport(o -> { });
        for (int i = 0; i < 600; i++) {
            first.send(event(id(i)));
        }
        assertThat(first.flush(WAIT)).isTrue();
        first.close(Duration.ofSeconds(2));
        assertThat(first.stats().spooled()).isEqualTo(600);

        // The next process replays; the server takes 250 events, then fails, so the replay stops half way.
        AtomicInteger taken = new AtomicInteger();
        receiver.up();
        receiver.respondWith(e -> e.event() == null || taken.incrementAndGet() <= 250
                ? TestReceiver.Response.status(200) : TestReceiver.Response.status(503));
        transport = fx.transport(o -> { });
        receiver.awaitEnvelopes(250, WAIT);
        // What a crash now would leave: files are whole or absent (atomic writes), so a copy of the folder
        // is such a state. A file missing from it was deleted after all of its envelopes had arrived.
        Path crashed = Files.createDirectories(dir.resolve("crashed"));
        try (var files = Files.list(fx.cacheDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                try {
                    Files.copy(f, crashed.resolve(f.getFileName()));
                } catch (java.nio.file.NoSuchFileException deletedMeanwhile) {
                    // delivered in full meanwhile: also a state a crash could leave
                }
            }
        }
        Set<String> arrived = new HashSet<>(idsOf(receiver.envelopes()));
        transport.close(Duration.ofSeconds(2));

        receiver.respondWith(TestReceiver.Response.status(200));
        transport = new HttpTransport(fx.options(o -> o.cacheDir(crashed)), fx.diagnostics);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (arrived.size() < 600 && System.nanoTime() < deadline) {
            try {
                receiver.awaitEnvelopes(receiver.envelopes().size() + 1, Duration.ofMillis(200));
            } catch (AssertionError notYet) {
                // nothing new within 200 ms: look again until the deadline
            }
            arrived.addAll(idsOf(receiver.envelopes()));
        }
        assertThat(arrived).as("delivered before the crash or replayed after it").hasSize(600);
    }

    private static List<String> idsOf(List<ReceivedEnvelope> envelopes) {
        List<String> ids = new ArrayList<>();
        for (ReceivedEnvelope e : envelopes) {
            if (e.event() != null) {
                ids.add(e.event().get("event_id").getAsString());
            }
        }
        return ids;
    }

    @Test
    void anUnusableSpoolFolderIsReportedAndMemoryDeliveryContinues() throws IOException {
        Path notADir = Files.writeString(dir.resolve("a-file"), "x");
        transport = new HttpTransport(fx.options(o -> o.cacheDir(notADir.resolve("spool"))), fx.diagnostics);

        for (int i = 0; i < 3; i++) {
            transport.send(event(id(i)));
        }

        assertThat(transport.flush(WAIT)).isTrue();
        assertThat(TransportFixture.eventIds(receiver.awaitEnvelopes(3, WAIT))).hasSize(3);
        // The spool thread opens the folder concurrently with delivery: wait for its word, with a deadline.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!fx.diagnostics().contains("unusable") && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
        assertThat(fx.diagnostics()).contains("disk spool").contains("unusable");
    }

    @Test
    void aFullDiskKeepsWhatItCannotWriteInMemoryWithADiagnosticAndDeliversItOnceTheServerIsBack() {
        SentryOptions options = fx.options(o -> o.maxQueueSize(5));
        ClientReports unused = new ClientReports(fx.clock, true);
        DiskSpool full = new DiskSpool(fx.cacheDir, options, unused, fx.diagnostics, (file, envelope) -> {
            throw new IOException("No space left on device");
        });
        receiver.down();
        transport = new HttpTransport(options, fx.diagnostics, full);
        for (int i = 0; i < 20; i++) {
            transport.send(event(id(i)));
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!fx.diagnostics().contains("cannot write to disk spool") && System.nanoTime() - deadline < 0) {
            transport.flush(Duration.ofMillis(50)); // until the spool thread tried the disk
        }
        assertThat(fx.diagnostics()).contains("cannot write to disk spool").contains("No space left on device");
        assertThat(transport.stats().dropped()).as("nothing dropped: memory holds it").isEmpty();

        receiver.up();
        // the retries are due on the test clock (backoff), however many have failed meanwhile
        assertThat(fx.awaitEvents(20, () -> transport.stats().toString())).hasSize(20);
        assertThat(transport.stats().dropped()).isEmpty();
    }

    @Test
    void theSpoolIsBoundedByCountAndAgeOldestFirstCountedAsCacheOverflow() {
        receiver.down();
        transport = fx.transport(o -> o.maxQueueSize(2).maxCacheItems(5));
        for (int i = 0; i < 20; i++) {
            transport.send(event(id(i)));
        }
        assertThat(transport.flush(WAIT)).isTrue();
        assertThat(transport.stats().spooled()).isEqualTo(5);
        assertThat(transport.stats().dropped().get("cache_overflow")).isGreaterThanOrEqualTo(13L);

        fx.clock.advance(Duration.ofHours(25));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (transport.stats().spooled() > 0 && System.nanoTime() < deadline) {
            transport.flush(Duration.ofMillis(20));
            fx.clock.advance(Duration.ofSeconds(11)); // expiry is checked every 10 s of clock time
        }
        assertThat(transport.stats().spooled()).as("expired files removed; " + fx.diagnostics()).isZero();
    }

    @Test
    void closeWithAHungServerReturnsInTimeSpoolsWhatIsLeftAndLeavesNoThread() {
        receiver.respondWith(TestReceiver.Response.status(200).after(Duration.ofSeconds(30)));
        transport = fx.transport(o -> { });
        for (int i = 0; i < 20; i++) {
            transport.send(event(id(i)));
        }
        long start = System.nanoTime();
        transport.close(Duration.ofSeconds(2));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMillis).isLessThan(2500);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
                && (t.getName().equals("sentry4j-sender") || t.getName().equals("sentry4j-spool")));
        assertThat(transport.stats().spooled()).isEqualTo(20);
        transport = null;
    }
}
