package org.sentry4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Case e, one SDK and framework in its own JVM, steered by {@link Suite} over stdin/stdout (the
 * receiver lives in the Suite's JVM, so it can fail on purpose, come back, and count across a restart).
 *
 * <p>{@code burst}: warms up (4 × {@link #WARMUP_PER_THREAD} errors, flushed), says {@code WARMED} with how long that took, waits for {@code GO
 * flush|close}, then 4 threads each log 5 000 errors with fresh ~30-frame exceptions as fast as they
 * can, timing every call; then flushes ({@code GO flush}, within {@link #FLUSH_LIMIT}) and closes, or
 * just closes ({@code GO close}), and prints one {@code RESULT} line. {@code drain}: the restart — starts
 * the same configuration (same DSN and spool folder), says {@code STARTED}, and closes on {@code STOP}.
 *
 * <p>Usage: {@code EndToEnd burst|drain floor|sentry4j|iosentry logback|log4j2 <dsn> <cache-dir>}
 */
public final class EndToEnd {
    static final int THREADS = 4;
    static final int PER_THREAD = 5_000;
    /**
     * Half the burst: "sustained" delivery is measured once the JIT is done. After 4 × 500 (the
     * suite's first choice) C2 still compiled the serializer and HttpClient through the burst, at nice
     * -4 against the SDK's 19, which showed as ~1 900 instead of ~3 200 events/s (docs/benchmarks.md).
     */
    static final int WARMUP_PER_THREAD = 2_500;
    /**
     * Twice what sentry4j took here to deliver or spool the warmed burst (6 s); io.sentry against a slow
     * server waits it out, so this also bounds the suite's run time.
     */
    static final Duration FLUSH_LIMIT = Duration.ofSeconds(20);

    private EndToEnd() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: EndToEnd burst|drain floor|sentry4j|iosentry logback|log4j2 <dsn> <cache-dir>");
            System.exit(2);
        }
        String phase = args[0];
        Variant variant = Variant.of(args[1]);
        String frameworkName = args[2];
        Framework.Settings settings = new Framework.Settings(args[3], args[4], "bench.e2e");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Framework framework = Framework.start(frameworkName, variant, settings);
        if (phase.equals("drain")) {
            say("STARTED");
            commands.readLine(); // STOP, or end of input
            long closeNanos = close(framework, variant);
            say("RESULT closeMs=" + millis(closeNanos));
            System.exit(0);
        }

        long warmupStart = System.nanoTime();
        run(framework, true, WARMUP_PER_THREAD);
        flush(variant, Duration.ofSeconds(30));
        long warmupNanos = System.nanoTime() - warmupStart; // the fresh JVM's rate, reported beside the warm one
        System.gc();
        say("WARMED warmupMs=" + millis(warmupNanos));
        String go = commands.readLine();
        boolean flushFirst = go != null && go.endsWith("flush");

        long peak;
        long peakLive;
        long start = System.nanoTime();
        Latencies latencies;
        long burstNanos;
        long flushNanos = 0;
        boolean flushed = false;
        try (HeapSampler heap = new HeapSampler()) {
            latencies = run(framework, false, PER_THREAD);
            burstNanos = System.nanoTime() - start;
            if (flushFirst) {
                long f = System.nanoTime();
                flushed = flush(variant, FLUSH_LIMIT);
                flushNanos = System.nanoTime() - f;
            }
            peak = heap.peakBytes();
            peakLive = heap.peakAfterGcBytes();
        }
        String stats = variant == Variant.SENTRY4J ? org.sentry4j.Sentry.transportStats().toString() : "";
        long closeNanos = close(framework, variant);
        say(String.format(Locale.ROOT, "RESULT logged=%d burstMs=%d flushMs=%d flushed=%s closeMs=%d"
                        + " p50us=%.1f p99us=%.1f p999us=%.1f maxUs=%.1f peakHeapMb=%.1f peakLiveMb=%.1f stats=%s",
                THREADS * PER_THREAD, millis(burstNanos), millis(flushNanos), flushed, millis(closeNanos),
                latencies.quantile(0.50) / 1e3, latencies.quantile(0.99) / 1e3, latencies.quantile(0.999) / 1e3,
                latencies.max() / 1e3, peak / 1048576.0, peakLive / 1048576.0, stats.replace(' ', '_')));
        System.exit(0);
    }

    /** THREADS threads log {@code perThread} errors each, as fast as they can; returns every call's latency. */
    private static Latencies run(Framework framework, boolean warmup, int perThread) throws InterruptedException {
        long[][] perCall = new long[THREADS][perThread];
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            long[] mine = perCall[t];
            String[] orders = new String[perThread];
            for (int i = 0; i < perThread; i++) {
                orders[i] = "order-" + t + "-" + i;
            }
            threads[t] = new Thread(() -> {
                int padding = Failures.padding() - 1; // the lambda's frame is below the calls too
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    RuntimeException failure = Failures.create(padding);
                    long t0 = System.nanoTime();
                    if (warmup) {
                        framework.warmupError("payment for {} failed", orders[i], failure);
                    } else {
                        framework.error("payment for {} failed", orders[i], failure);
                    }
                    mine[i] = System.nanoTime() - t0;
                }
            }, "app-" + t);
            threads[t].start();
        }
        ready.await();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        return Latencies.of(perCall);
    }

    private static boolean flush(Variant variant, Duration limit) {
        if (variant == Variant.SENTRY4J) {
            return org.sentry4j.Sentry.flush(limit);
        }
        if (variant == Variant.FLOOR) {
            return true;
        }
        io.sentry.Sentry.flush(limit.toMillis());
        return true; // io.sentry's flush does not say whether it finished
    }

    /** Stops logging (which stops the appender) and the SDK, as an application shutting down does. */
    private static long close(Framework framework, Variant variant) {
        long start = System.nanoTime();
        framework.close();
        return System.nanoTime() - start;
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
