package org.sentry4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The highest used heap seen, sampled every 5 ms on a daemon thread. */
final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    HeapSampler() {
        thread = new Thread(this::sample, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used > peak) {
                peak = used;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakBytes() {
        return peak;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
