package org.sentry4j.internal.transport;

import org.sentry4j.internal.Diagnostics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The spool thread: moves what overflowed the memory queue back into it when there is room, writes
 * to disk in batches what the transport says belongs there (what the senders gave up on, the overflow
 * and the queue while the server fails or does not keep up, what a flush cannot deliver by its
 * deadline), adopts files other processes sharing the folder wrote, removes expired ones, and feeds
 * spooled envelopes back to the senders, oldest first and only as fast as the queue drains, while the
 * server is healthy and not rate limiting everything.
 */
final class SpoolWorker {
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long URGENT_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final Duration EXPIRY_CHECK = Duration.ofSeconds(10);

    private final HttpTransport transport;
    private final DiskSpool spool;
    /** What the senders gave up on, to be written; fed from the bounded queue only, so bounded too. */
    private final ConcurrentLinkedQueue<Pending> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inboxSize = new AtomicInteger();
    /** Envelopes read from the spool's oldest file and not yet fed to the queue. */
    private final ArrayDeque<Pending> hand = new ArrayDeque<>();
    volatile Thread thread;
    private volatile boolean parked;
    private Instant nextExpiryCheck = Instant.MIN;

    SpoolWorker(HttpTransport transport, DiskSpool spool) {
        this.transport = transport;
        this.spool = spool;
    }

    /** Takes an envelope the senders could not deliver, to be written in the next batch. */
    void accept(Pending p) {
        inbox.offer(p);
        inboxSize.incrementAndGet();
        wake();
    }

    Pending pollInbox() {
        Pending p = inbox.poll();
        if (p != null) {
            inboxSize.decrementAndGet();
        }
        return p;
    }

    int inboxSize() {
        return inboxSize.get();
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
                long now = System.nanoTime();
                busy = moveOverflow(now);
                busy |= spill(now);
                expireOld();
                busy |= replay(now);
            } catch (RuntimeException | LinkageError e) { // the spool thread outlives anything the disk (or gson) does
                if (!Diagnostics.versionConflict("the disk spool cannot replay", e)) {
                    transport.diagnostics().debug("disk spool failure", e);
                }
            }
            if (!busy) {
                parked = true;
                LockSupport.parkNanos(this, transport.urgent() ? URGENT_PARK_NANOS : PARK_NANOS);
                parked = false;
            }
        }
        Pending p;
        while ((p = hand.poll()) != null) {
            spool.release(p.spoolFile, p.spoolPosition);
        }
    }

    /**
     * Moves overflowed envelopes back into the memory queue while it has room (no disk round trip),
     * unless they belong on disk now anyway.
     */
    private boolean moveOverflow(long now) {
        if (transport.overflowBelongsOnDisk(now)) {
            return false;
        }
        boolean any = false;
        while (!transport.stopping() && transport.moveOverflowToQueue()) {
            any = true;
        }
        return any;
    }

    /** Writes one batch of what belongs on disk now; true when it wrote any. */
    private boolean spill(long now) {
        if (!transport.canSpool()) { // unusable or resting: what the senders handed on waits in memory
            Pending p;
            while ((p = pollInbox()) != null) {
                transport.requeue(p);
            }
            return false;
        }
        int limit = spool.batchLimit();
        List<Pending> failed = new ArrayList<>();
        Pending p;
        while (failed.size() < limit && (p = pollInbox()) != null) {
            failed.add(p);
        }
        int keep = transport.queueKeep(now);
        while (failed.size() < limit && transport.queued() > keep && (p = transport.pollQueue()) != null) {
            failed.add(p);
        }
        List<Pending> overflowed = new ArrayList<>();
        if (transport.spillOverflow(now)) {
            while (failed.size() + overflowed.size() < limit && (p = transport.pollOverflow()) != null) {
                overflowed.add(p);
            }
        }
        boolean any = !failed.isEmpty() || !overflowed.isEmpty();
        failed.addAll(overflowed);
        for (Pending refused : transport.writer().storeOrRefuse(failed)) {
            transport.requeue(refused); // the disk failed: memory holds it, and the spool rests a while
        }
        return any;
    }

    private void expireOld() {
        Instant now = transport.clock().instant();
        if (!now.isBefore(nextExpiryCheck)) {
            nextExpiryCheck = now.plus(EXPIRY_CHECK);
            spool.rescan(); // another process sharing the folder may have written files since
            spool.removeExpired();
        }
    }

    /** Feeds spooled envelopes while the queue has room; true when it fed any. */
    private boolean replay(long now) {
        boolean any = false;
        int budget = transport.replayBudget(now);
        while (budget > 0) {
            if (hand.isEmpty()) {
                List<Pending> claimed = spool.claimOldest();
                if (claimed == null) {
                    return any;
                }
                hand.addAll(claimed); // empty when the file was unreadable: ask again
                continue;
            }
            if (!transport.replayIntoQueue(hand.peek())) {
                return any;
            }
            hand.poll();
            budget--;
            any = true;
        }
        return any;
    }
}
