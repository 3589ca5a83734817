package org.sentry4j.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.Deflater;
import org.sentry4j.Sentry;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.Transport;
import org.sentry4j.transport.TransportStats;

/**
 * Which gzip level the senders should use (issue 18): real envelopes the SDK makes for errors with a
 * ~30-frame two-exception chain, ten breadcrumbs, tags and this class path's modules, deflated at each
 * level; the bytes per envelope against the CPU time per envelope, on this thread.
 *
 * <pre>{@code
 * cd benchmarks && java -cp "target/classes:$(cat target/classpath.txt)" org.sentry4j.benchmarks.GzipLevels
 * }</pre>
 */
public final class GzipLevels {
    private static final int EVENTS = 200;
    private static final int ROUNDS = 30;

    private GzipLevels() {
    }

    public static void main(String[] args) throws Exception {
        List<Envelope> envelopes = new CopyOnWriteArrayList<>();
        Transport keep = new Transport() {
            @Override
            public void send(Envelope envelope) {
                envelopes.add(envelope);
            }

            @Override
            public void recordDiscard(DiscardReason reason, String category, long quantity) {
            }

            @Override
            public boolean flush(Duration timeout) {
                return true;
            }

            @Override
            public void close(Duration timeout) {
            }

            @Override
            public TransportStats stats() {
                return TransportStats.empty();
            }
        };
        Sentry.init(o -> o.dsn("http://key@127.0.0.1:1/1").ambientSources(false).release("shop@1.4.2")
                .transportFactory(opts -> keep));
        Sentry.configureScope(s -> s.setTag("tenant", "acme"));
        for (int i = 0; i < EVENTS; i++) {
            Sentry.addBreadcrumb("step " + i + " of the checkout", "checkout");
            Sentry.captureException(deep(28, new IllegalStateException("payment " + i + " declined",
                    new java.io.IOException("gateway timed out after 3000 ms"))));
        }
        Sentry.flush(Duration.ofSeconds(30));
        Sentry.close();
        byte[][] raw = new byte[envelopes.size()][];
        long rawBytes = 0;
        for (int i = 0; i < raw.length; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            envelopes.get(i).writeTo(out, Instant.now());
            raw[i] = out.toByteArray();
            rawBytes += raw[i].length;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        byte[] buffer = new byte[1 << 20];
        System.out.printf(Locale.ROOT, "%d envelopes, %.0f bytes each uncompressed%n", raw.length,
                (double) rawBytes / raw.length);
        System.out.println("| level | bytes per envelope | CPU µs per envelope |");
        System.out.println("|---:|---:|---:|");
        for (int level : new int[] {1, 2, 3, 4, 6, 9}) {
            Deflater deflater = new Deflater(level, true);
            long bytes = 0;
            for (int round = 0; round < ROUNDS / 3; round++) { // warm-up
                bytes = deflateAll(deflater, raw, buffer);
            }
            long cpu = threads.getCurrentThreadCpuTime();
            for (int round = 0; round < ROUNDS; round++) {
                bytes = deflateAll(deflater, raw, buffer);
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            System.out.printf(Locale.ROOT, "| %d | %.0f | %.1f |%n", level, (double) bytes / raw.length,
                    cpu / 1000.0 / ROUNDS / raw.length);
            deflater.end();
        }
    }

    private static long deflateAll(Deflater deflater, byte[][] raw, byte[] buffer) {
        long total = 0;
        for (byte[] r : raw) {
            deflater.reset();
            deflater.setInput(r);
            deflater.finish();
            while (!deflater.finished()) {
                total += deflater.deflate(buffer);
            }
        }
        return total;
    }

    private static RuntimeException deep(int frames, RuntimeException e) {
        if (frames == 0) {
            return e;
        }
        try {
            throw deep(frames - 1, e);
        } catch (RuntimeException thrown) {
            if (thrown.getStackTrace().length < 1) {
                throw new UncheckedIOException(new IOException("no stack"));
            }
            e.fillInStackTrace();
            return e;
        }
    }
}
