package org.sentry4j.internal.transport;

import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What each flush (and close) waits for: every accepted envelope gets a sequence number and stays open
 * until it is settled (delivered, spooled or deliberately dropped); a flush waits until none up to the
 * latest accepted when it began is open. A count of settled envelopes would not do: envelopes
 * accepted later, and answered sooner, could make it up while an earlier one is still in flight.
 *
 * <p>It also knows whether any flush or close waits now ({@link #waiting()}): while one does, what an
 * unreachable server cannot take goes to disk at once. Flushes may overlap; each waits for its own
 * envelopes until its own deadline, and one ending leaves the others waiting.
 */
final class FlushTracker {
    /** The sequence number of envelopes that are not counted (client reports sent alone, spool replays). */
    static final long NOT_COUNTED = 0;

    private final AtomicLong last = new AtomicLong();
    private final ConcurrentSkipListSet<Long> open = new ConcurrentSkipListSet<>();
    private final AtomicInteger waiters = new AtomicInteger();
    private final Object settled = new Object();

    /** A new envelope's sequence number, open until {@link #settle}d. */
    long accept() {
        // numbered and opened as one step: a flush beginning in between would count it as settled
        synchronized (open) {
            long seq = last.incrementAndGet();
            open.add(seq);
            return seq;
        }
    }

    void settle(Pending p) {
        if (p.seq == NOT_COUNTED) {
            return;
        }
        open.remove(p.seq);
        if (waiters.get() > 0) {
            synchronized (settled) {
                settled.notifyAll();
            }
        }
    }

    /** A flush or close begins: the sequence number it waits for (every one up to it settled). */
    long begin() {
        waiters.incrementAndGet();
        synchronized (open) {
            return last.get();
        }
    }

    /** The flush or close that {@link #begin}s returned has ended, done or not. */
    void end() {
        waiters.decrementAndGet();
    }

    /** Some flush or close is waiting now. */
    boolean waiting() {
        return waiters.get() > 0;
    }

    /** The sequence number of the latest envelope accepted. */
    long lastAccepted() {
        synchronized (open) {
            return last.get();
        }
    }

    /** Whether every envelope accepted up to {@code seq} is settled. */
    boolean settledThrough(long seq) {
        Long oldestOpen = open.ceiling(Long.MIN_VALUE);
        return oldestOpen == null || oldestOpen > seq;
    }

    /**
     * Waits until every envelope up to {@code seq} is settled, or {@code deadlineNanos} (of
     * {@code System.nanoTime}) passes; true when they are. Only between {@link #begin} and {@link #end}.
     */
    boolean await(long seq, long deadlineNanos) throws InterruptedException {
        synchronized (settled) {
            while (!settledThrough(seq)) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // bounded, so the deadline is looked at even if no settle comes
                settled.wait(Math.max(1, Math.min(10, left / 1_000_000)));
            }
            return true;
        }
    }
}
