package org.sentry4j.internal;

/** A point in time as one long of nanoseconds since the epoch: what breadcrumbs keep instead of an Instant. */
public final class EpochNanos {
    private static final long PER_SECOND = 1_000_000_000L;

    private EpochNanos() {
    }

    /** Clamped to what a long of nanoseconds holds (years 1678 to 2262). */
    public static long of(long epochSecond, int nanoOfSecond) {
        if (epochSecond >= Long.MAX_VALUE / PER_SECOND) {
            return Long.MAX_VALUE;
        }
        if (epochSecond <= Long.MIN_VALUE / PER_SECOND) {
            return Long.MIN_VALUE;
        }
        return epochSecond * PER_SECOND + nanoOfSecond;
    }
}
