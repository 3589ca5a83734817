package org.sentry4j.benchmarks;

import java.util.Arrays;

/** Per-call latencies in nanoseconds, merged from every thread's own array and sorted once. */
final class Latencies {
    private final long[] sorted;

    private Latencies(long[] sorted) {
        this.sorted = sorted;
    }

    static Latencies of(long[]... perThread) {
        int total = 0;
        for (long[] a : perThread) {
            total += a.length;
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] a : perThread) {
            System.arraycopy(a, 0, all, at, a.length);
            at += a.length;
        }
        Arrays.sort(all);
        return new Latencies(all);
    }

    /** The value at quantile {@code q} (0..1), nearest rank. */
    long quantile(double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }
}
