package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.internal.transport.TransportFixture.event;
import static org.sentry4j.internal.transport.TransportFixture.id;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.testkit.TestClock;
import org.sentry4j.transport.Envelope;

/** The disk spool on its own: batch files, per-envelope acknowledgement, and what a crash leaves. */
class BatchSpoolTest {
    @TempDir
    Path dir;
    final TestClock clock = new TestClock();
    final ByteArrayOutputStream diagnosticsOut = new ByteArrayOutputStream();
    final Diagnostics diagnostics = new Diagnostics(true, clock, new PrintStream(diagnosticsOut, true, StandardCharsets.UTF_8));
    final ClientReports reports = new ClientReports(clock, true);

    private DiskSpool spool() {
        SentryOptions options = SentryOptions.builder().dsn("http://key@127.0.0.1:1/42").ambientSources(false)
                .clock(clock).cacheDir(dir).build();
        return new DiskSpool(dir, options, reports, diagnostics, BatchFile::write);
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
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    /** An event whose envelope is larger than the reader's 16 KiB buffer. */
    private static Envelope largeEvent(int n) {
        String id = id(n);
        String json = "{\"event_id\":\"" + id + "\",\"level\":\"error\",\"logentry\":{\"formatted\":\""
                + "x".repeat(40_000) + "\"}}";
        return Envelope.of(id, "sentry4j.java", "0.0.1",
                List.of(org.sentry4j.transport.EnvelopeItem.event(json.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aPartlyDeliveredBatchOfLargeEnvelopesGivesBackEveryEnvelopeNotYetAcknowledged() throws IOException {
        DiskSpool spool = spool();
        List<Envelope> large = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            large.add(largeEvent(i));
        }
        assertThat(spool.store(large, "error")).isEmpty();
        List<Pending> claimed = spool.claimOldest();
        assertThat(claimed).hasSize(6);
        for (int i = 0; i < 3; i++) { // delivered, then the server went away
            spool.ack(claimed.get(i).spoolFile, claimed.get(i).spoolPosition);
        }
        for (int i = 3; i < 6; i++) {
            spool.release(claimed.get(i).spoolFile, claimed.get(i).spoolPosition);
        }

        List<Pending> again = spool.claimOldest();

        assertThat(again).as("the read skips the three delivered 40 KB frames, not just what its buffer held")
                .extracting(p -> p.envelope.eventId()).containsExactly(id(3), id(4), id(5));
        assertThat(again.get(2).envelope.items().get(0).payload()).hasSizeGreaterThan(40_000);
    }

    @Test
    void writesOneAtomicFilePerBatchAndDeletesItOnlyWhenEveryEnvelopeIsAcknowledged() throws IOException {
        DiskSpool spool = spool();
        assertThat(spool.store(events(0, 10), "error")).isEmpty();

        assertThat(files()).hasSize(1);
        assertThat(files().get(0)).endsWith("-error-10.batch");
        assertThat(spool.count()).isEqualTo(10);

        List<Pending> claimed = spool.claimOldest();
        assertThat(claimed).extracting(p -> p.envelope.eventId())
                .containsExactly(id(0), id(1), id(2), id(3), id(4), id(5), id(6), id(7), id(8), id(9));
        assertThat(spool.claimOldest()).as("everything is out").isNull();
        for (int i = 0; i < 5; i++) {
            spool.ack(claimed.get(i).spoolFile, claimed.get(i).spoolPosition);
        }
        for (int i = 5; i < 10; i++) { // could not be sent now
            spool.release(claimed.get(i).spoolFile, claimed.get(i).spoolPosition);
        }
        assertThat(spool.count()).isEqualTo(5);
        assertThat(files()).as("half of it still waits").hasSize(1);

        List<Pending> again = spool.claimOldest();
        assertThat(again).extracting(p -> p.spoolPosition).containsExactly(5, 6, 7, 8, 9);
        assertThat(again).extracting(p -> p.envelope.eventId()).containsExactly(id(5), id(6), id(7), id(8), id(9));
        for (Pending p : again) {
            spool.ack(p.spoolFile, p.spoolPosition);
        }
        assertThat(spool.count()).isZero();
        assertThat(files()).isEmpty();
    }

    @Test
    void aCrashMidReplayLosesNothingAndANewProcessFindsEveryUnacknowledgedEnvelope() throws IOException {
        DiskSpool first = spool();
        first.store(events(0, 100), "error");
        first.store(events(100, 200), "error");
        first.store(events(200, 300), "error");
        Set<String> delivered = new HashSet<>();
        List<Pending> oldest = first.claimOldest();
        for (Pending p : oldest) { // the whole first file is delivered: it goes
            first.ack(p.spoolFile, p.spoolPosition);
            delivered.add(p.envelope.eventId());
        }
        List<Pending> second = first.claimOldest();
        for (int i = 0; i < 40; i++) { // 40 of the second file delivered, then the process dies mid-replay
            first.ack(second.get(i).spoolFile, second.get(i).spoolPosition);
            delivered.add(second.get(i).envelope.eventId());
        }
        assertThat(files()).hasSize(2);
        first.dropClaimsAsIfKilled();

        DiskSpool restarted = spool(); // same folder; the first instance is simply abandoned, as by a crash
        assertThat(restarted.open()).isTrue();
        assertThat(restarted.count()).as("the partly sent file counts whole: at least once").isEqualTo(200);
        Set<String> replayed = new HashSet<>();
        List<Pending> batch;
        while ((batch = restarted.claimOldest()) != null) {
            for (Pending p : batch) {
                replayed.add(p.envelope.eventId());
                restarted.ack(p.spoolFile, p.spoolPosition);
            }
        }
        Set<String> all = new HashSet<>(delivered);
        all.addAll(replayed);
        assertThat(all).hasSize(300);
        assertThat(replayed).as("nothing delivered in full comes back").doesNotContain(id(0), id(99));
        assertThat(files()).isEmpty();
    }

    @Test
    void acknowledgementsPersistedAtCloseAreNotReplayedByTheNextProcess() throws IOException {
        DiskSpool first = spool();
        first.store(events(0, 100), "error");
        first.store(events(100, 200), "error");
        List<Pending> oldest = first.claimOldest();
        for (int i = 0; i < 60; i++) { // 60 delivered
            first.ack(oldest.get(i).spoolFile, oldest.get(i).spoolPosition);
        }
        for (int i = 60; i < 100; i++) { // the rest could not be sent before close
            first.release(oldest.get(i).spoolFile, oldest.get(i).spoolPosition);
        }
        String oldName = files().get(0);

        assertThat(first.persistAcks(System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10))).isEqualTo(1);

        assertThat(files()).hasSize(2).doesNotContain(oldName);
        assertThat(files()).as("the rest, under a name as old as the file it replaces")
                .anyMatch(f -> f.startsWith(oldName.substring(0, oldName.indexOf('-'))) && f.endsWith("-error-40.batch"));
        assertThat(first.count()).isEqualTo(140);
        DiskSpool next = spool();
        assertThat(next.open()).isTrue();
        assertThat(next.count()).isEqualTo(140);
        Set<String> replayed = new HashSet<>();
        List<Pending> batch;
        while ((batch = next.claimOldest()) != null) {
            for (Pending p : batch) {
                replayed.add(p.envelope.eventId());
                next.ack(p.spoolFile, p.spoolPosition);
            }
        }
        assertThat(replayed).hasSize(140).doesNotContain(id(0), id(59)).contains(id(60), id(99), id(100), id(199));
        assertThat(files()).isEmpty();
    }

    @Test
    void aDamagedBatchYieldsWhatIsReadableAndTheRestIsReportedLost() throws IOException {
        byte[] good1 = event(id(1)).toBytes(null);
        byte[] bad = "not an envelope\n".getBytes(StandardCharsets.UTF_8);
        byte[] good3 = event(id(3)).toBytes(null);
        byte[] good4 = event(id(4)).toBytes(null);
        Path file = dir.resolve(clock.millis() + "-00000001aa-error-4.batch");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            frame(out, good1);
            frame(out, bad);
            frame(out, good3);
            out.write("x1\n".getBytes(StandardCharsets.US_ASCII)); // a broken length: the rest is unreadable
            frame(out, good4);
        }

        DiskSpool spool = spool();
        List<Pending> claimed = spool.claimOldest();

        assertThat(claimed).extracting(p -> p.envelope.eventId()).containsExactly(id(1), id(3));
        assertThat(diagnosticsOut.toString(StandardCharsets.UTF_8)).contains("skipping unreadable spool file")
                .contains("2 of 4");
        assertThat(reports.totals()).as("the lost ones reach the client report").containsEntry("internal_sdk_error", 2L);
        for (Pending p : claimed) {
            spool.ack(p.spoolFile, p.spoolPosition);
        }
        assertThat(files()).isEmpty();
    }

    private static void frame(OutputStream out, byte[] bytes) throws IOException {
        out.write((bytes.length + "\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
    }

    @Test
    void boundsCountEnvelopesAndEvictWholeFilesOldestFirst() {
        SentryOptions options = SentryOptions.builder().dsn("http://key@127.0.0.1:1/42").ambientSources(false)
                .clock(clock).cacheDir(dir).maxCacheItems(80).build();
        DiskSpool spool = new DiskSpool(dir, options, reports, diagnostics, BatchFile::write);
        assertThat(spool.batchLimit()).isEqualTo(10);

        assertThat(spool.store(events(0, 100), "error")).isEmpty();

        assertThat(spool.count()).isEqualTo(80);
        assertThat(reports.totals()).containsEntry("cache_overflow", 20L);
        Set<String> kept = new HashSet<>();
        List<Pending> batch;
        while ((batch = spool.claimOldest()) != null) {
            kept.addAll(ids(batch));
        }
        assertThat(kept).hasSize(80).contains(id(20), id(99)).doesNotContain(id(0), id(19));
    }
}
