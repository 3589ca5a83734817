package org.sentry4j.internal.transport;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Envelope;

/**
 * The spool thread: moves what overflowed the memory queue back into it when there is room, or else
 * to disk (so no application thread ever touches the disk), moves what waits for a failing server to
 * disk, removes expired files, and feeds spooled envelopes back to the senders, oldest first and only
 * as fast as the queue drains, while the server is healthy and not rate limiting everything.
 */
final class SpoolWorker {
    private static final int BATCH = 256;
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final Duration EXPIRY_CHECK = Duration.ofSeconds(10);

    private final HttpTransport transport;
    private final DiskSpool spool;
    volatile Thread thread;
    private volatile boolean parked;
    private Instant nextExpiryCheck = Instant.MIN;

    SpoolWorker(HttpTransport transport, DiskSpool spool) {
        this.transport = transport;
        this.spool = spool;
    }

    void wake() {
        Thread t = thread;
        if (parked && t != null) {
            LockSupport.unpark(t);
        }
    }

    void run() {
        spool.open();
        while (!transport.stopping()) {
            boolean busy = false;
            try {
                busy = drainOverflow();
                busy |= spillWhileFailing();
                expireOld();
                busy |= replay();
            } catch (RuntimeException e) { // the spool thread must outlive anything the disk does
                transport.diagnostics().debug("disk spool failure", e);
            }
            if (!busy) {
                parked = true;
                LockSupport.parkNanos(this, PARK_NANOS);
                parked = false;
            }
        }
    }

    /**
     * Moves overflowed envelopes on: back into the memory queue when it has room again (no disk round
     * trip), else to disk. A bounded batch per pass, so replay and expiry are not starved by a burst.
     */
    private boolean drainOverflow() {
        boolean any = false;
        Pending p;
        for (int n = 0; n < BATCH && !transport.stopping() && (p = transport.pollOverflow()) != null; n++) {
            if (!transport.offer(p)) {
                transport.spoolOrDrop(p, DiscardReason.QUEUE_OVERFLOW);
            }
            any = true;
        }
        return any;
    }

    /** Writes what waits in memory for a failing server to disk, a bounded batch per pass. */
    private boolean spillWhileFailing() {
        boolean any = false;
        Pending p;
        for (int n = 0; n < BATCH && !transport.stopping() && (p = transport.pollToSpillWhileFailing()) != null; n++) {
            transport.spoolOrDrop(p, DiscardReason.NETWORK_ERROR);
            any = true;
        }
        return any;
    }

    private void expireOld() {
        Instant now = transport.clock().instant();
        if (!now.isBefore(nextExpiryCheck)) {
            nextExpiryCheck = now.plus(EXPIRY_CHECK);
            spool.removeExpired();
        }
    }

    /** Feeds spooled envelopes while the queue has room; true when it fed any. */
    private boolean replay() {
        boolean any = false;
        for (int budget = transport.replayBudget(); budget > 0; budget--) {
            String name = spool.claimOldest();
            if (name == null) {
                return any;
            }
            Envelope envelope = spool.read(name);
            if (envelope == null) {
                continue; // torn file, already deleted
            }
            if (!transport.offer(new Pending(envelope, name, false))) {
                spool.release(name);
                return any;
            }
            any = true;
        }
        return any;
    }
}
