package org.sentry4j.internal.transport;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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

    Pending poll() {
        Pending p = waiting.poll();
        if (p != null) {
            size.decrementAndGet();
            bytes.addAndGet(-p.bytes);
        }
        return p;
    }

    Pending peek() {
        return waiting.peek();
    }

    /** Past half its bound by count or bytes: time to move it to disk even for a healthy server. */
    boolean halfFull() {
        return size.get() > maxCount / 2 || bytes.get() > maxBytes / 2;
    }

    int size() {
        return size.get();
    }
}
