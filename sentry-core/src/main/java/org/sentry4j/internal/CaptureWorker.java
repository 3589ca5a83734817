package org.sentry4j.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;
import org.sentry4j.transport.DiscardReason;

/**
 * Moves captures off the application's thread. Producers only append to a lock-free queue; one daemon
 * thread turns captures into envelopes. The queue is large (a burst of tens of thousands of errors is
 * absorbed whole) but bounded: beyond it, captures are dropped and counted, because in an error storm
 * neither slowing the application nor growing without bound is acceptable.
 */
final class CaptureWorker {
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ConcurrentLinkedQueue<Capture> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final int capacity;
    private final Consumer<Capture> processor;
    private final ObjLongConsumer<DiscardReason> onDrops;
    /**
     * Drops for a full queue, counted here and handed to {@code onDrops} by the worker in batches: in
     * an error storm most logs are dropped, and counting each one straight into the client report's
     * per-reason, per-category counters (shared with the sender, which drains them) was a third of the
     * logging thread's cost in the SDK. Captures sampled out on the application's thread likewise.
     */
    private final LongAdder overflowed = new LongAdder();
    private final LongAdder sampledOut = new LongAdder();
    private long overflowReported; // guarded by this
    private long sampledOutReported; // guarded by this
    private final Diagnostics diagnostics;
    private final WorkerChore chore;
    private final Thread thread;
    private volatile boolean parked;
    private volatile boolean running = true;

    /**
     * {@code onDrops} receives, on the worker, batches of drops: {@code QUEUE_OVERFLOW} and {@code SAMPLE_RATE},
     * and each capture that failed to process ({@code INTERNAL_SDK_ERROR}).
     */
    public CaptureWorker(int capacity, int priority, Consumer<Capture> processor,
                         ObjLongConsumer<DiscardReason> onDrops, Diagnostics diagnostics) {
        this(capacity, priority, processor, onDrops, diagnostics, WorkerChore.NONE);
    }

    /** As the other constructor, with a {@code chore} run between captures and part of every flush. */
    public CaptureWorker(int capacity, int priority, Consumer<Capture> processor,
                         ObjLongConsumer<DiscardReason> onDrops, Diagnostics diagnostics, WorkerChore chore) {
        this.capacity = capacity;
        this.processor = processor;
        this.onDrops = onDrops;
        this.diagnostics = diagnostics;
        this.chore = chore;
        this.thread = new SdkThread("worker", priority, this::loop);
        this.thread.start();
    }

    /** Hands a capture to the worker; drops it (counted) when the queue is full. Returns whether queued. */
    public boolean submit(Capture capture) {
        if (!running || size.incrementAndGet() > capacity) {
            if (running) {
                size.decrementAndGet();
            }
            dropped();
            return false;
        }
        submitted.incrementAndGet();
        queue.offer(capture);
        if (parked) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    /** False, counting a drop, when a capture now would be dropped for a full queue. */
    public boolean hasRoom() {
        if (running && size.get() < capacity) {
            return true;
        }
        dropped();
        return false;
    }

    /** Wakes the worker if it is idle, so its chore runs now (a full batch of logs is waiting). */
    public void wake() {
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    /** Counts a capture the application's thread sampled out; reported with the overflow drops. */
    public void sampledOut() {
        sampledOut.increment();
    }

    private void dropped() {
        overflowed.increment();
        if (diagnostics.enabled()) { // no message built per dropped event unless someone listens
            diagnostics.throttled("worker.full", Duration.ofMinutes(1),
                    "more than " + capacity + " events waiting to be processed (max-pending-events); dropping");
        }
    }

    private void loop() {
        while (running) {
            Capture c = queue.poll();
            if (c == null) {
                parked = true;
                if (queue.isEmpty() && running) {
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                }
                parked = false;
                reportDrops();
                runChore();
                continue;
            }
            size.decrementAndGet();
            processSafely(c);
            reportDrops();
            runChore();
        }
        reportDrops();
    }

    private void runChore() {
        try {
            chore.run();
        } catch (Throwable t) { // NOPMD: the worker must survive its chore too
            if (!Diagnostics.versionConflict("structured logs cannot be sent", t)) {
                diagnostics.once("chore." + t.getClass().getName(), "the worker's chore failed: "
                        + Diagnostics.describe(t));
            }
        }
    }

    /** Hands the drops counted since the last call to {@code onDrops}. */
    private synchronized void reportDrops() {
        overflowReported = report(overflowed, overflowReported, DiscardReason.QUEUE_OVERFLOW);
        sampledOutReported = report(sampledOut, sampledOutReported, DiscardReason.SAMPLE_RATE);
    }

    /** Reports what {@code counter} gained since {@code reported}; returns its total now. */
    private long report(LongAdder counter, long reported, DiscardReason reason) {
        long total = counter.sum(); // only grows, so nothing counted meanwhile is lost
        if (total > reported) {
            onDrops.accept(reason, total - reported);
        }
        return Math.max(total, reported);
    }

    private void processSafely(Capture c) {
        try {
            processor.accept(c);
        } catch (Throwable t) { // NOPMD: the worker must survive anything an event or callback does
            // A drop like any other, counted (and so in the client report); said once per kind of failure.
            onDrops.accept(DiscardReason.INTERNAL_SDK_ERROR, 1);
            if (!Diagnostics.versionConflict("events cannot be made, they are dropped", t)) {
                diagnostics.once("process." + t.getClass().getName(), "an event could not be processed and was"
                        + " dropped (internal_sdk_error): " + Diagnostics.describe(t));
            }
        } finally {
            completed.incrementAndGet();
        }
    }

    /**
     * Waits until every capture submitted before this call has been processed, and the chore has done
     * what it was handed before it; false on timeout.
     */
    public boolean flush(Duration timeout) {
        reportDrops();
        long target = submitted.get();
        long choreMark = chore.requestFlush();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (completed.get() < target || !chore.done(choreMark)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (parked) {
                LockSupport.unpark(thread);
            }
            LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(1)));
        }
        return true;
    }

    /** Processes what is queued within the timeout, then stops the thread. Idempotent. */
    public boolean close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SdkThread.raiseForClosing(thread);
        boolean drained = flush(timeout);
        running = false;
        reportDrops();
        LockSupport.unpark(thread);
        if (Thread.currentThread() != thread) {
            try {
                // within the deadline: a capture it is still building then is counted as abandoned
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                thread.join(Math.max(1, Math.min(left, 200)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return drained;
    }

    /** Whether the worker thread has ended (after {@link #close}). */
    public boolean hasEnded() {
        return !thread.isAlive();
    }

    /** Captures left behind by {@link #close}; the client counts them as dropped. */
    public int abandoned() {
        return running ? 0 : queue.size();
    }
}
