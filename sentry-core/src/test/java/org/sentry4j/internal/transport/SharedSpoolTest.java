package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.internal.transport.TransportFixture.WAIT;
import static org.sentry4j.internal.transport.TransportFixture.event;
import static org.sentry4j.internal.transport.TransportFixture.id;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.TestClock;
import org.sentry4j.testkit.TestReceiver;
import org.sentry4j.transport.Envelope;

/** Two processes on one spool folder (the default folder is per DSN: a rolling restart runs two on it). */
class SharedSpoolTest extends TransportTestBase {
    private final ClientReports reportsA = new ClientReports(new TestClock(), true);
    private final ClientReports reportsB = new ClientReports(new TestClock(), true);

    private DiskSpool spool(ClientReports reports, DiskSpool.FileWriter writer) {
        return new DiskSpool(fx.cacheDir, fx.options(o -> { }), reports, fx.diagnostics, writer);
    }

    private long distinctEvents() {
        return receiver.events().stream().map(e -> e.get("event_id").getAsString()).distinct().count();
    }

    private static List<Envelope> events(int from, int to) {
        List<Envelope> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(event(id(i)));
        }
        return out;
    }

    private static Set<String> ids(List<Pending> claimed) {
        return claimed.stream().map(p -> p.envelope.eventId()).collect(Collectors.toSet());
    }

    private List<String> files() throws IOException {
        try (var list = Files.list(fx.cacheDir)) {
            return list.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void openingTheFolderLeavesAnotherProcesssWriteInProgressAloneAndAdoptsItsFileOnRescan() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DiskSpool a = spool(reportsA, (file, envelopes) -> {
            BatchFile.write(file, envelopes);
            writing.countDown();
            try {
                release.await(WAIT.toSeconds(), TimeUnit.SECONDS); // mid-write: the temp file exists
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(a.open()).isTrue();
        Path torn = fx.cacheDir.resolve(SpoolFolder.TEMP_PREFIX + (fx.clock.millis() - 120_000) + "-00000001aa-error-1.batch");
        Files.write(torn, new byte[] {1, 2}); // left by a crash two minutes ago
        CompletableFuture<List<Envelope>> stored = CompletableFuture.supplyAsync(() -> a.store(events(0, 3), "error"));
        DiskSpool b;
        try {
            assertThat(writing.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            b = spool(reportsB, BatchFile::write);
            assertThat(b.open()).isTrue();
        } finally {
            release.countDown();
        }

        assertThat(stored.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("refused; " + fx.diagnostics()).isEmpty();
        assertThat(a.count()).isEqualTo(3);
        assertThat(files()).as("the torn temp file is gone, A's batch is whole").hasSize(1)
                .noneMatch(name -> name.startsWith(SpoolFolder.TEMP_PREFIX));
        assertThat(b.count()).as("written after B looked").isZero();

        b.rescan();
        assertThat(b.count()).isEqualTo(3);
        assertThat(ids(b.claimOldest())).containsExactlyInAnyOrder(id(0), id(1), id(2));
    }

    @Test
    void aFileThatVanishesBetweenListingAndSizingDoesNotDisableTheSpool() throws IOException {
        Files.createDirectories(fx.cacheDir);
        // Sizing it fails as for a file another process deleted right after the listing saw it.
        Files.createSymbolicLink(fx.cacheDir.resolve(fx.clock.millis() + "-00000001aa-error-2.batch"),
                fx.cacheDir.resolve("delivered-and-deleted"));
        DiskSpool spool = spool(reportsA, BatchFile::write);

        assertThat(spool.open()).isTrue();
        assertThat(spool.count()).isZero();
        assertThat(spool.store(events(0, 2), "error")).isEmpty();
        spool.rescan();
        assertThat(spool.count()).isEqualTo(2);
        assertThat(fx.diagnostics()).doesNotContain("unusable");
    }

    @Test
    void aFileOneProcessReplaysIsNotHandedOutByAnotherUntilItLetsGo() {
        DiskSpool a = spool(reportsA, BatchFile::write);
        assertThat(a.store(events(0, 3), "error")).isEmpty();
        DiskSpool b = spool(reportsB, BatchFile::write);
        assertThat(b.open()).isTrue();

        List<Pending> byA = a.claimOldest();
        assertThat(ids(byA)).hasSize(3);
        assertThat(b.claimOldest()).as("A replays it").isEmpty();
        assertThat(b.claimOldest()).isNull();
        assertThat(b.count()).as("still there, A's to send").isEqualTo(3);

        for (Pending p : byA) {
            a.release(p.spoolFile, p.spoolPosition); // the server is down: A sent none of it
        }
        assertThat(b.claimOldest()).as("set aside until the next rescan").isNull();
        b.rescan();
        List<Pending> byB = b.claimOldest();
        assertThat(ids(byB)).containsExactlyInAnyOrder(id(0), id(1), id(2));
        assertThat(a.claimOldest()).as("B replays it now").isEmpty();
        assertThat(reportsA.totals()).isEmpty();
        assertThat(reportsB.totals()).isEmpty();
    }

    @Test
    void aFilePartlyDeliveredStaysClaimedUntilCloseRewritesItThenTheOtherSendsOnlyTheRest() throws IOException {
        DiskSpool a = spool(reportsA, BatchFile::write);
        assertThat(a.store(events(0, 4), "error")).isEmpty();
        DiskSpool b = spool(reportsB, BatchFile::write);
        assertThat(b.open()).isTrue();
        List<Pending> byA = a.claimOldest();
        a.ack(byA.get(0).spoolFile, byA.get(0).spoolPosition);
        for (Pending p : byA.subList(1, 4)) {
            a.release(p.spoolFile, p.spoolPosition);
        }

        b.rescan();
        assertThat(b.claimOldest()).as("A delivered some of it and still holds it").isEmpty();

        assertThat(a.persistAcks(System.nanoTime() + WAIT.toNanos())).isEqualTo(1);
        b.rescan();
        List<Pending> byB = b.claimOldest();
        assertThat(ids(byB)).containsExactlyInAnyOrder(id(1), id(2), id(3));
        for (Pending p : byB) {
            b.ack(p.spoolFile, p.spoolPosition);
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void aFileAnotherProcessReplaysIsNotEvictedToMakeRoom() {
        DiskSpool a = new DiskSpool(fx.cacheDir, fx.options(o -> o.maxCacheItems(10)), reportsA, fx.diagnostics,
                BatchFile::write);
        DiskSpool b = new DiskSpool(fx.cacheDir, fx.options(o -> o.maxCacheItems(10)), reportsB, fx.diagnostics,
                BatchFile::write);
        assertThat(a.store(events(0, 10), "error")).isEmpty(); // one envelope a file at this bound
        List<Pending> byA = a.claimOldest();
        assertThat(ids(byA)).containsExactly(id(0));

        assertThat(b.store(events(10, 20), "error")).isEmpty();

        assertThat(reportsB.totals()).as("the nine files nobody sends make room; the one A sends is not deleted")
                .containsEntry("cache_overflow", 9L);
        a.ack(byA.get(0).spoolFile, byA.get(0).spoolPosition);
        assertThat(a.claimOldest()).as("B evicted A's other files").isEmpty();
        b.rescan();
        assertThat(b.count()).as("B's own, all kept").isEqualTo(10);
        assertThat(reportsA.totals()).isEmpty();
    }

    @Test
    void aFileAnotherProcessDeliveredLeavesTheIndexWithoutCountingALoss() {
        DiskSpool a = spool(reportsA, BatchFile::write);
        assertThat(a.store(events(0, 2), "error")).isEmpty();
        DiskSpool b = spool(reportsB, BatchFile::write);
        assertThat(b.open()).isTrue();
        assertThat(b.count()).isEqualTo(2);

        for (Pending p : a.claimOldest()) {
            a.ack(p.spoolFile, p.spoolPosition); // A delivered them: the file is gone
        }

        assertThat(b.claimOldest()).isEmpty();
        assertThat(b.claimOldest()).isNull();
        assertThat(b.count()).isZero();
        assertThat(reportsB.totals()).isEmpty();
    }

    @Test
    void aRunningTransportAdoptsAndDeliversABatchAnotherProcessSpooledAfterItStarted() throws IOException {
        DiskSpool b = spool(new ClientReports(fx.clock, true), BatchFile::write);
        assertThat(b.open()).isTrue();
        transport = new HttpTransport(fx.options(o -> { }), fx.diagnostics, b);
        transport.send(event(id(100)));
        fx.awaitEvents(1, () -> transport.stats().toString());

        DiskSpool a = spool(reportsA, BatchFile::write);
        assertThat(a.store(events(0, 5), "error")).isEmpty();

        // awaitEvents moves the test clock on while nothing arrives: the spool thread rescans every 10 s of it
        assertThat(fx.awaitEvents(6, () -> transport.stats().toString())).contains(id(0), id(4));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!files().isEmpty() && System.nanoTime() - deadline < 0) {
            transport.flush(java.time.Duration.ofMillis(20)); // the file goes once its last 2xx is in
        }
        assertThat(files()).as("delivered, so deleted").isEmpty();
    }

    @Test
    void aCloseDuringReplayLeavesInTheSpoolNothingTheServerAnswered() throws IOException {
        DiskSpool earlier = spool(reportsA, BatchFile::write);
        assertThat(earlier.store(events(0, 200), "error")).isEmpty(); // a previous run's spool: one file
        CountDownLatch someArrived = new CountDownLatch(40);
        receiver.respondWith(e -> {
            someArrived.countDown();
            return TestReceiver.Response.status(200).after(java.time.Duration.ofMillis(20));
        });
        HttpTransport first = fx.transport(o -> { });
        try {
            assertThat(someArrived.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            first.close(java.time.Duration.ZERO); // mid-replay: requests in flight are aborted
        }
        receiver.respondWith(TestReceiver.Response.status(200));
        int answeredBefore = receiver.envelopes().size();

        transport = fx.transport(o -> { });
        long deadline = System.nanoTime() + WAIT.toNanos();
        while ((distinctEvents() < 200 || transport.stats().spooled() > 0) && System.nanoTime() - deadline < 0) {
            transport.flush(java.time.Duration.ofMillis(20)); // until the replay has nothing left
        }
        try {
            assertThat(receiver.awaitQuiet(WAIT)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        List<String> ids = receiver.events().stream().map(e -> e.get("event_id").getAsString())
                .collect(Collectors.toList());
        assertThat(Set.copyOf(ids)).hasSize(200);
        long duplicates = ids.size() - 200L;
        assertThat(duplicates).as("only requests close aborted (the server may have taken them) come again; "
                + answeredBefore + " were answered before close").isLessThanOrEqualTo(HttpTransport.SENDERS);
    }

    @Test
    void onlyRegularFilesAreIndexedAndANameClaimingMoreThanAFileHoldsIsIgnored() throws IOException {
        // A directory (or a link) under a batch name is not a spool file; nor is a name that claims more
        // envelopes than any writer puts in one file: indexing it would evict real envelopes to make room
        // for ones that are not there, and report numbers it made up.
        Files.createDirectories(fx.cacheDir);
        Path dirUnderBatchName = fx.cacheDir.resolve(BatchName.of(fx.clock.millis(), 0, "aa", "error", 1));
        Files.createDirectory(dirUnderBatchName);
        Files.writeString(dirUnderBatchName.resolve("keep"), "x");
        Path lying = fx.cacheDir.resolve(BatchName.of(fx.clock.millis(), 1, "aa", "error", 60_000));
        BatchFile.write(lying, events(0, 1));
        Files.createSymbolicLink(fx.cacheDir.resolve(BatchName.of(fx.clock.millis(), 2, "aa", "error", 1)), lying);
        DiskSpool a = spool(reportsA, BatchFile::write);

        assertThat(a.open()).isTrue();
        assertThat(a.count()).isZero();
        assertThat(a.claimOldest()).isNull();
        assertThat(reportsA.totals()).isEmpty();
    }

    @Test
    void aFileEvictedByOneProcessIsNotCountedAgainByTheOther() throws IOException {
        DiskSpool a = new DiskSpool(fx.cacheDir, fx.options(o -> o.maxCacheItems(10)), reportsA, fx.diagnostics,
                BatchFile::write);
        DiskSpool b = new DiskSpool(fx.cacheDir, fx.options(o -> o.maxCacheItems(10)), reportsB, fx.diagnostics,
                BatchFile::write);
        assertThat(a.store(events(0, 10), "error")).isEmpty();
        assertThat(b.store(events(10, 20), "error")).as("B adopts A's file when it opens, and evicts it").isEmpty();
        // No rescan by A in between: its index still holds the file B deleted, and it is the oldest.
        assertThat(a.store(events(20, 30), "error")).isEmpty();

        long counted = reportsA.totals().getOrDefault("cache_overflow", 0L)
                + reportsB.totals().getOrDefault("cache_overflow", 0L);
        long onDisk = files().stream().mapToLong(BatchName::countOf).sum();
        assertThat(counted + onDisk).as("each of the 30 either on disk or counted once").isEqualTo(30);
    }
}
