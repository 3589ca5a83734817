package org.sentry4j.internal.transport;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;

/**
 * What waits for the spool thread: envelopes the senders could not deliver now, and what the SDK's
 * worker could not fit into the send queue. The spool thread writes them to disk, or moves them into
 * the queue when the server keeps up or the disk cannot take them. The worker's share is bounded by
 * count and bytes (what the senders hand on came from the bounded queue). Once {@link #close}d it
 * refuses everything, so whoever holds an envelope after that writes or counts it itself.
 */
final class SpoolInbox {
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private final int maxCount;
    private final long maxBytes;
    private long bytes;
    private boolean closed;

    SpoolInbox(int maxCount, long maxBytes) {
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
    }

    /**
     * An envelope the worker could not fit into the queue; false when this is full too (by count or
     * bytes: one bigger than the bound fits only when it is empty) or closed.
     */
    synchronized boolean offerBounded(Pending p) {
        if (closed || waiting.size() >= maxCount || (bytes + p.bytes > maxBytes && !waiting.isEmpty())) {
            return false;
        }
        add(p);
        return true;
    }

    /** An envelope a sender hands on, or the spool thread puts back; false only once closed. */
    synchronized boolean offer(Pending p) {
        if (closed) {
            return false;
        }
        add(p);
        return true;
    }

    private void add(Pending p) {
        waiting.add(p);
        bytes += p.bytes;
    }

    /** Moves the oldest envelope to {@code into} (which must not block) if it takes it; false otherwise. */
    synchronized boolean moveOldest(java.util.function.Predicate<Pending> into) {
        Pending p = waiting.peek();
        if (p == null || !into.test(p)) {
            return false;
        }
        poll();
        return true;
    }

    synchronized Pending poll() {
        Pending p = waiting.poll();
        if (p != null) {
            bytes -= p.bytes;
        }
        return p;
    }

    /** Past half its bound by count or bytes: time for the disk even while the server keeps up. */
    synchronized boolean halfFull() {
        return waiting.size() > maxCount / 2 || bytes > maxBytes / 2;
    }

    synchronized int size() {
        return waiting.size();
    }

    /** Refuses everything from now on; returns what waits. */
    synchronized List<Pending> close() {
        closed = true;
        List<Pending> all = new ArrayList<>(waiting);
        waiting.clear();
        bytes = 0;
        return all;
    }
}
