package org.sentry4j.internal.transport;

/**
 * How many flushes and closes wait on the transport now. While any waits, what an unreachable server
 * cannot take goes to disk at once instead of waiting in memory for the next try; a server that
 * answers, however slowly, keeps getting requests until each waiter's own deadline.
 */
final class Deadlines {
    private int waiting;

    synchronized void begin() {
        waiting++;
    }

    synchronized void end() {
        waiting--;
    }

    synchronized boolean any() {
        return waiting > 0;
    }
}
