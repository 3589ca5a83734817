package org.sentry4j.transport;

import java.time.Duration;

/**
 * Delivers envelopes. Owned by one client. {@link #send} is called from the SDK's worker thread —
 * never from an application thread — and must never wait for the network; it may write to the disk
 * when memory is full, which only slows the worker (the capture buffer in front of it absorbs that).
 * Everything else happens on the transport's own daemon threads.
 */
public interface Transport {
    /** Accepts an envelope for delivery; never waits for the network, never throws. */
    void send(Envelope envelope);

    /** Counts something dropped before it reached {@link #send}; reported to Sentry as a client report. */
    void recordDiscard(DiscardReason reason, String category, long quantity);

    /**
     * Waits until everything accepted so far has been delivered (or, where the transport has one,
     * written to its disk spool), or until the timeout. Returns whether everything was.
     */
    boolean flush(Duration timeout);

    /** Delivers or spools what it can within the timeout, then stops its threads. Idempotent. */
    void close(Duration timeout);

    /** A cheap snapshot of the counters. */
    TransportStats stats();

    /** Makes the transport for a client; tests swap in an in-memory one. */
    @FunctionalInterface
    interface Factory {
        Transport create(org.sentry4j.SentryOptions options);
    }
}
