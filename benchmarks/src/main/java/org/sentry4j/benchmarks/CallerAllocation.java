package org.sentry4j.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated (and CPU time used) by the calling thread alone. JMH's {@code gc.alloc.rate.norm} counts every thread
 * (the SDK's worker and sender too); the targets are about the logging thread.
 */
final class CallerAllocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private CallerAllocation() {
    }

    static long current() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /**
     * CPU time of the calling thread, in ns: its own work, without the time it waited for a core or
     * stood still in a GC pause (which the SDK's threads may have caused).
     */
    static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
