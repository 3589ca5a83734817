package org.sentry4j.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Marks the current thread as running a user callback ({@code beforeSend}, {@code beforeBreadcrumb}),
 * so that captures and log records made from inside it are dropped instead of recursing.
 */
public final class CallbackGuard {
    /**
     * The key appenders put into their framework's MDC / ThreadContext while they call into a
     * {@code beforeBreadcrumb}, and drop records carrying: the thread-local depth below stays on the
     * thread the callback ran on, the mark travels with a record through an async appender's queue.
     */
    public static final String RECORD_MARK = "sentry4j.in-callback";

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    /**
     * Callbacks running now, over all threads. Every log line asks {@link #isActive()}; while no
     * callback runs anywhere the answer needs no thread-local lookup.
     */
    private static final AtomicInteger RUNNING = new AtomicInteger();

    private CallbackGuard() {
    }

    public static boolean isActive() {
        return RUNNING.get() > 0 && DEPTH.get()[0] > 0;
    }

    /** True when a capture on this thread must be dropped: an SDK thread, or inside a callback. */
    public static boolean mustDrop() {
        return SdkThread.isCurrent() || isActive();
    }

    public static <T> T run(Supplier<T> callback) {
        int[] depth = DEPTH.get();
        depth[0]++;
        RUNNING.incrementAndGet();
        try {
            return callback.get();
        } finally {
            RUNNING.decrementAndGet();
            depth[0]--;
        }
    }
}
