package org.sentry4j.internal.transport;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongPredicate;

/**
 * The memory queue in front of the senders, bounded by count and bytes. Offering never blocks; only
 * the SDK's own worker may wait for room ({@link #awaitRoom}), woken by every take.
 */
final class SendQueue {
    private static final long ROOM_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final LinkedBlockingQueue<Pending> queue;
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;
    private volatile Thread roomWaiter;

    SendQueue(int maxCount, long maxBytes) {
        this.queue = new LinkedBlockingQueue<>(maxCount);
        this.maxBytes = maxBytes;
    }

    /**
     * Appends if there is room by count and bytes. An envelope bigger than the byte bound gets into an
     * empty queue: otherwise it could never be sent, and on replay it would block every file behind it.
     */
    boolean offer(Pending p) {
        if ((bytes.get() + p.bytes > maxBytes && !queue.isEmpty()) || !queue.offer(p)) {
            return false;
        }
        bytes.addAndGet(p.bytes);
        return true;
    }

    /**
     * Waits for room while {@code worthWaiting} holds for the current {@code System.nanoTime()}, at most
     * until {@code giveUpNanos}; true when the envelope got in. One waiter at a time (the SDK's worker).
     */
    boolean awaitRoom(Pending p, LongPredicate worthWaiting, long giveUpNanos) {
        roomWaiter = Thread.currentThread();
        try {
            while (true) {
                if (offer(p)) {
                    return true;
                }
                long now = System.nanoTime();
                if (!worthWaiting.test(now) || now - giveUpNanos > 0) {
                    return false;
                }
                LockSupport.parkNanos(this, ROOM_PARK_NANOS);
            }
        } finally {
            roomWaiter = null;
        }
    }

    /** The oldest envelope, waiting up to {@code nanos} for one; null when none came. */
    Pending take(long nanos) throws InterruptedException {
        Pending p = queue.poll(nanos, TimeUnit.NANOSECONDS);
        if (p != null) {
            taken(p);
        }
        return p;
    }

    Pending poll() {
        Pending p = queue.poll();
        if (p != null) {
            taken(p);
        }
        return p;
    }

    private void taken(Pending p) {
        bytes.addAndGet(-p.bytes);
        Thread waiter = roomWaiter;
        if (waiter != null) {
            LockSupport.unpark(waiter);
        }
    }

    int size() {
        return queue.size();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
