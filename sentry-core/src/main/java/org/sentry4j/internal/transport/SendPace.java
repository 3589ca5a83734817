package org.sentry4j.internal.transport;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How fast the server answers, to tell a server worth waiting for from a slow or stalled one: a moving
 * average of request latency, and how long requests have gone without any answer. Measured in elapsed
 * time ({@code System.nanoTime}, like flush deadlines): it is about this machine and this server now,
 * not about the calendar that rate limits and backoff follow.
 */
final class SendPace {
    /** Slower than this per request (≤ 8 envelopes/s over four connections), the server does not keep up. */
    static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final AtomicLongArray startedAt;
    private volatile long averageNanos;
    private volatile long lastAnswerNanos;

    SendPace(int senders) {
        this.startedAt = new AtomicLongArray(senders);
    }

    void started(int slot, long now) {
        startedAt.set(slot, now == 0 ? 1 : now);
    }

    void answered(int slot, long now) {
        long took = now - startedAt.get(slot);
        startedAt.set(slot, 0);
        long avg = averageNanos;
        averageNanos = avg == 0 ? Math.max(1, took) : Math.max(1, avg + (took - avg) / 4);
        lastAnswerNanos = now;
    }

    /** The server's answers have been slow lately. */
    boolean slowOnAverage() {
        return averageNanos > SLOW_NANOS;
    }

    /** Slow on average, or requests have been out for longer than {@link #SLOW_NANOS} with no answer since. */
    boolean slow(long now) {
        if (slowOnAverage()) {
            return true;
        }
        long oldest = 0;
        for (int i = 0; i < startedAt.length(); i++) {
            long s = startedAt.get(i);
            if (s != 0 && (oldest == 0 || s - oldest < 0)) {
                oldest = s;
            }
        }
        if (oldest == 0) {
            return false;
        }
        long quietSince = lastAnswerNanos - oldest > 0 ? lastAnswerNanos : oldest;
        return now - quietSince > SLOW_NANOS;
    }
}
