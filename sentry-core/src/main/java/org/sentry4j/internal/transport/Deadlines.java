package org.sentry4j.internal.transport;

import java.util.concurrent.TimeUnit;

/**
 * The flushes and the close waiting on the transport, and the earliest of their deadlines
 * ({@code System.nanoTime}): while any waits, what a failing or slow server cannot take goes to disk,
 * and so does everything once the deadline is near enough that writing it takes the time left.
 */
final class Deadlines {
    /** Time to keep before the deadline, plus this much per envelope still in memory, to write them. */
    static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long NANOS_PER_ENVELOPE = TimeUnit.MICROSECONDS.toNanos(30);

    private volatile int waiting;
    private volatile long earliest;

    synchronized void begin(long deadline) {
        if (waiting == 0 || deadline - earliest < 0) {
            earliest = deadline;
        }
        waiting++;
    }

    synchronized void end() {
        waiting--;
    }

    boolean any() {
        return waiting > 0;
    }

    /** Someone waits, and writing {@code envelopes} to disk would take about the time left. */
    boolean near(long now, long envelopes) {
        return waiting > 0 && now - (earliest - MARGIN_NANOS - envelopes * NANOS_PER_ENVELOPE) > 0;
    }
}
