package org.sentry4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples the heap every 5 ms on a daemon thread: the highest used heap (garbage included, so it
 * follows how far the collector let the young generation grow) and the highest heap still in use right
 * after a collection (what the program really held).
 */
final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;
    private volatile long peakAfterGc;

    HeapSampler() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool);
            }
        }
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
            long afterGc = 0;
            for (MemoryPoolMXBean pool : heapPools) {
                MemoryUsage u = pool.getCollectionUsage();
                afterGc += u == null ? 0 : u.getUsed();
            }
            if (afterGc > peakAfterGc) {
                peakAfterGc = afterGc;
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

    long peakAfterGcBytes() {
        return peakAfterGc;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
