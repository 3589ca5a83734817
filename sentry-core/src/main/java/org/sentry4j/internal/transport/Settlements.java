package org.sentry4j.internal.transport;

import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which accepted envelopes are not settled yet (delivered, spooled or deliberately dropped), by the
 * order they were accepted in. A flush waits for the envelopes accepted before it began; a count of
 * settled ones would not do, since envelopes accepted later, and answered sooner, could make it up
 * while an earlier one is still in flight.
 */
final class Settlements {
    /** The sequence number of envelopes that are not counted (client reports sent alone, spool replays). */
    static final long NOT_COUNTED = 0;

    private final AtomicLong last = new AtomicLong();
    private final ConcurrentSkipListSet<Long> open = new ConcurrentSkipListSet<>();

    /** A new envelope's sequence number, open until {@link #settle}d. */
    long accept() {
        long seq = last.incrementAndGet();
        open.add(seq);
        return seq;
    }

    void settle(Pending p) {
        if (p.seq != NOT_COUNTED) {
            open.remove(p.seq);
        }
    }

    /** The sequence number of the latest envelope accepted. */
    long lastAccepted() {
        return last.get();
    }

    /** Whether every envelope accepted up to {@code seq} is settled. */
    boolean settledThrough(long seq) {
        Long oldestOpen = open.ceiling(Long.MIN_VALUE);
        return oldestOpen == null || oldestOpen > seq;
    }
}
