package org.sentry4j.internal.transport;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Envelopes the memory queue could not take, waiting for the spool thread to write them to disk, so
 * no application thread ever touches the disk. Lock-free, bounded by count and bytes so heap stays
 * bounded whatever the application does.
 */
final class OverflowHandOff {
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final int maxCount;
    private final long maxBytes;

    OverflowHandOff(int maxCount, long maxBytes) {
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
    }

    /** False when full; an envelope bigger than the byte bound fits only when it is empty (as the queue). */
    boolean offer(Pending p) {
        if (bytes.get() + p.bytes > maxBytes && size.get() > 0) {
            return false;
        }
        if (size.incrementAndGet() > maxCount) {
            size.decrementAndGet();
            return false;
        }
        bytes.addAndGet(p.bytes);
        waiting.offer(p);
        return true;
    }

    /**
     * Moves the oldest envelope to {@code into} (which must not block) if it takes it. Takers hold this
     * lock, so the one taken off is the one {@code into} took: close draining the hand-off while the
     * spool thread moves it can neither duplicate one envelope nor lose the next.
     */
    synchronized boolean moveOldest(Predicate<Pending> into) {
        Pending p = waiting.peek();
        if (p == null || !into.test(p)) {
            return false;
        }
        Pending taken = poll();
        assert taken == p;
        return true;
    }

    /** The oldest, taken off; adding ({@link #offer}) never takes the lock. */
    synchronized Pending poll() {
        Pending p = waiting.poll();
        if (p != null) {
            size.decrementAndGet();
            bytes.addAndGet(-p.bytes);
        }
        return p;
    }

    /** Past half its bound by count or bytes: time to move it to disk even for a healthy server. */
    boolean halfFull() {
        return size.get() > maxCount / 2 || bytes.get() > maxBytes / 2;
    }

    int size() {
        return size.get();
    }
}
