package org.sentry4j.internal.logs;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Structured logs waiting for the SDK's worker. Logging threads only append (lock-free); the worker
 * takes them in order. Bounded by a hard cap on count and on estimated bytes: what exceeds it is dropped
 * and counted, so a burst of logs neither slows the application nor grows its memory.
 */
public final class LogQueue {
    /** Sentry's logs spec: at most 1000 logs queued in the SDK. */
    public static final int DEFAULT_MAX_LOGS = 1000;
    /** What the waiting logs may hold, estimated: ten full envelopes' worth of ordinary logs. */
    public static final long DEFAULT_MAX_BYTES = 1024L * 1024;
    /** Logs per envelope, and the count at which a batch is sent without waiting for the interval. */
    public static final int BATCH = 100;

    private final ConcurrentLinkedQueue<LogEntry> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    /** Logs queued so far; a flush waits until the worker has taken this many. */
    private final AtomicLong accepted = new AtomicLong();
    private final LongAdder droppedLogs = new LongAdder();
    private final LongAdder droppedBytes = new LongAdder();
    private final int maxLogs;
    private final long maxBytes;
    private final Runnable wake;

    /** {@code wake} is called on the logging thread when a full batch is waiting. */
    public LogQueue(int maxLogs, long maxBytes, Runnable wake) {
        this.maxLogs = maxLogs;
        this.maxBytes = maxBytes;
        this.wake = wake;
    }

    /** Queues a log; false, counting it as dropped, when the cap would be exceeded. */
    public boolean offer(LogEntry entry) {
        int n = count.incrementAndGet();
        if (n > maxLogs) {
            count.decrementAndGet();
            dropped(entry);
            return false;
        }
        int size = entry.estimatedBytes();
        if (bytes.addAndGet(size) > maxBytes) {
            bytes.addAndGet(-size);
            count.decrementAndGet();
            dropped(entry);
            return false;
        }
        queue.offer(entry);
        accepted.incrementAndGet(); // after the offer: a flush that counts it finds it queued
        if (n == BATCH) {
            wake.run();
        }
        return true;
    }

    private void dropped(LogEntry entry) {
        droppedLogs.increment();
        droppedBytes.add(entry.estimatedBytes());
    }

    /** The oldest waiting log, or null; for the worker. */
    LogEntry poll() {
        LogEntry e = queue.poll();
        if (e != null) {
            bytes.addAndGet(-e.estimatedBytes());
            count.decrementAndGet();
        }
        return e;
    }

    /** Logs waiting (an entry being added may be counted a moment before it can be taken). */
    int size() {
        return count.get();
    }

    long accepted() {
        return accepted.get();
    }

    /** Logs dropped so far for the cap; only grows. */
    long droppedLogs() {
        return droppedLogs.sum();
    }

    long droppedBytes() {
        return droppedBytes.sum();
    }
}
