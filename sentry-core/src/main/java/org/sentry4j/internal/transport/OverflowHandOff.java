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

    /** False when full. */
    boolean offer(Pending p) {
        if (bytes.get() + p.bytes > maxBytes) {
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

    int size() {
        return size.get();
    }
}
