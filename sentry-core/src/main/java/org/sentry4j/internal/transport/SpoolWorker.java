package org.sentry4j.internal.transport;

import org.sentry4j.internal.Diagnostics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The spool thread. It writes, in batches, what the {@link Gate} says cannot go now: its
 * {@link SpoolInbox} (what the senders could not deliver, what the worker could not fit into the queue)
 * and, while the server cannot be reached, the {@link SendQueue}; within one park of the outage being
 * known, so a kill loses only the last moments' captures. While the server keeps up it moves the inbox
 * into the queue instead. It replays spooled envelopes, oldest first and only as fast as the queue
 * drains, while the gate lets requests go; adopts files other processes sharing the folder wrote and
 * removes expired ones. At close it writes what is left in memory before the hard stop, then ends.
 */
final class SpoolWorker {
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long URGENT_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final Duration EXPIRY_CHECK = Duration.ofSeconds(10);

    private final DiskSpool spool;
    private final SendQueue queue;
    private final SpoolInbox inbox;
    private final Gate gate;
    private final FlushTracker tracker;
    private final SpoolWriter writer;
    private final Senders senders;
    private final int maxQueueSize;
    private final Clock clock;
    private final Diagnostics diagnostics;
    /** Envelopes read from the spool's oldest file and not yet fed to the queue. */
    private final ArrayDeque<Pending> hand = new ArrayDeque<>();
    volatile Thread thread;
    private volatile boolean parked;
    /** Close has begun: no replay starts (what it would read could not be sent before the end). */
    private volatile boolean replaying = true;
    private volatile boolean stopping;
    private volatile long hardStop;
    private volatile int abandoned;
    private Instant nextExpiryCheck = Instant.MIN;

    SpoolWorker(DiskSpool spool, SendQueue queue, SpoolInbox inbox, Gate gate, FlushTracker tracker,
                SpoolWriter writer, Senders senders, int maxQueueSize, Clock clock,
                Diagnostics diagnostics) {
        this.spool = spool;
        this.queue = queue;
        this.inbox = inbox;
        this.gate = gate;
        this.tracker = tracker;
        this.writer = writer;
        this.senders = senders;
        this.maxQueueSize = maxQueueSize;
        this.clock = clock;
        this.diagnostics = diagnostics;
    }

    void wake() {
        Thread t = thread;
        if (parked && t != null) {
            LockSupport.unpark(t);
        }
    }

    void run() {
        spool.open();
        while (!stopping) {
            boolean busy = false;
            try {
                busy = spill();
                expireOld();
                busy |= replay();
            } catch (RuntimeException | LinkageError e) { // the spool thread outlives anything the disk (or gson) does
                if (!Diagnostics.versionConflict("the disk spool cannot replay", e)) {
                    diagnostics.debug("disk spool failure", e);
                }
            }
            if (!busy && !stopping) {
                parked = true;
                LockSupport.parkNanos(this, tracker.waiting() ? URGENT_PARK_NANOS : PARK_NANOS);
                parked = false;
            }
        }
        try {
            finish();
        } catch (RuntimeException | LinkageError e) {
            diagnostics.debug("disk spool failure at close", e);
        }
    }

    /**
     * Writes one batch of what belongs on disk now, after moving the inbox into the queue while it has
     * room and the server keeps up; true when it moved or wrote any.
     */
    private boolean spill() {
        boolean canSpool = spool.writable();
        boolean serverBehind = !gate.reachable() || gate.slowOnAverage();
        boolean any = false;
        if (!canSpool || !serverBehind) { // no disk round trip: into the queue while it has room
            while (inbox.moveOldest(queue::offer)) {
                any = true;
            }
        }
        // what is left goes to disk while the server is behind, or once the inbox is half full
        boolean inboxToDisk = canSpool && (serverBehind || inbox.halfFull());
        if (!canSpool) { // unusable or resting: what cannot go now waits in memory
            return any;
        }
        int limit = spool.batchLimit();
        List<Pending> batch = new ArrayList<>();
        Pending p;
        while (inboxToDisk && batch.size() < limit && (p = inbox.poll()) != null) {
            batch.add(p);
        }
        // while the server cannot be reached, the queue belongs on disk (a crash cannot lose what is
        // there); the probe after the backoff is a fresh capture or a replayed envelope
        boolean queueToDisk = !gate.reachable();
        while (queueToDisk && batch.size() < limit && (p = queue.poll()) != null) {
            batch.add(p);
        }
        for (Pending refused : writer.storeOrRefuse(batch)) {
            if (!queue.offer(refused)) {
                inbox.offer(refused); // the disk failed: memory holds it, and the spool rests a while
            }
        }
        return any || !batch.isEmpty();
    }

    private void expireOld() {
        Instant now = clock.instant();
        if (!now.isBefore(nextExpiryCheck)) {
            nextExpiryCheck = now.plus(EXPIRY_CHECK);
            spool.rescan(); // another process sharing the folder may have written files since
            spool.removeExpired();
        }
    }

    /**
     * How many spooled envelopes may be fed to the senders now: up to half the queue while the server
     * keeps up; while it fails or is slow, one probe once nothing else is waiting; none while the gate
     * holds requests back or a flush or close should rather be writing to disk.
     */
    private int replayBudget() {
        if (!replaying || stopping || gate.waitingOut() || gate.allLimited()
                || (!gate.reachable() && tracker.waiting() && spool.writable())) {
            return 0;
        }
        if (!gate.reachable() || gate.slowOnAverage()) {
            return queue.isEmpty() && inbox.size() == 0 && senders.holding() == 0 ? 1 : 0;
        }
        return Math.max(0, Math.max(1, maxQueueSize / 2) - queue.size());
    }

    /** Feeds spooled envelopes while the queue has room; true when it fed any. */
    private boolean replay() {
        boolean any = false;
        int budget = replayBudget();
        while (budget > 0) {
            if (hand.isEmpty()) {
                List<Pending> claimed = spool.claimOldest();
                if (claimed == null) {
                    return any;
                }
                hand.addAll(claimed); // empty when the file was unreadable: ask again
                continue;
            }
            if (!queue.offer(hand.peek())) {
                return any;
            }
            hand.poll();
            budget--;
            any = true;
        }
        return any;
    }

    /** Close has begun: no replay starts from now on. */
    void stopReplaying() {
        replaying = false;
    }

    /**
     * Close, once the senders stopped: what is in memory goes to disk, in batches, before {@code hardStop};
     * then the thread ends.
     */
    void stop(long hardStop) {
        this.hardStop = hardStop;
        stopping = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** How many envelopes the last writes at close could not spool before the hard stop. */
    int abandoned() {
        return abandoned;
    }

    private void finish() {
        Pending p;
        while ((p = hand.poll()) != null) {
            spool.release(p.spoolFile, p.spoolPosition);
        }
        List<Pending> rest = inbox.close(); // a sender still stopping writes its own from now on
        while ((p = queue.poll()) != null) {
            rest.add(p);
        }
        abandoned = writer.storeBefore(rest, hardStop);
    }
}
