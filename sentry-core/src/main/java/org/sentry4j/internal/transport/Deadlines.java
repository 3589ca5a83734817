package org.sentry4j.internal.transport;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many flushes and closes wait on the transport now. While any waits, what an unreachable server
 * cannot take goes to disk at once instead of waiting in memory for the next try; a server that
 * answers, however slowly, keeps getting requests until each waiter's own deadline. Read by every
 * sender and the spool thread in their loops, so lock-free.
 */
final class Deadlines {
    private final AtomicInteger waiting = new AtomicInteger();

    void begin() {
        waiting.incrementAndGet();
    }

    void end() {
        waiting.decrementAndGet();
    }

    boolean any() {
        return waiting.get() > 0;
    }
}
