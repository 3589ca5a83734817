package org.sentry4j.internal.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.internal.SdkThread;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.Transport;
import org.sentry4j.transport.TransportStats;

/**
 * Delivers envelopes over HTTP without ever making an application thread wait. {@link #send} appends
 * to a bounded in-memory queue that four {@link Senders} drain over kept-alive connections. When the
 * queue is full, the SDK's own worker waits for room as long as the server keeps up (the capture
 * buffer in front of it absorbs the burst); otherwise, and for any other caller, the envelope goes on
 * an overflow hand-off for the spool thread. What waits for a failing or slow server goes to the disk
 * spool in batches, as does whatever a flush or close could not deliver by its deadline. Spooled
 * envelopes are replayed, oldest first, at startup and once the server answers again.
 */
public final class HttpTransport implements Transport {
    static final int SENDERS = 4;
    /** The overflow hand-off may hold this many times {@code maxQueueSize} (and at most maxQueueBytes). */
    static final int OVERFLOW_FACTOR = 50;
    /** How far past the shutdown deadline close() may go on writing the spool (the issue allows 0.5 s). */
    static final long CLOSE_SPOOL_MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(400);
    /** The longest the worker waits for room in the queue for one envelope before handing it on. */
    static final long MAX_ROOM_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final SentryOptions options;
    private final Clock clock;
    private final Diagnostics diagnostics;
    private final ClientReports reports;
    private final RateLimits limits;
    private final Backoff backoff;
    private final SendPace pace = new SendPace(SENDERS);
    private final HttpSender http;
    private final DiskSpool spool;
    private final Senders senders;
    private final SendQueue queue;
    private final OverflowHandOff overflow;
    private final Settlements settlements = new Settlements();
    private final AtomicLong sent = new AtomicLong();
    /** Senders holding an envelope (sending it, or waiting out a backoff or a probe to send it). */
    private final AtomicInteger holding = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final SpoolWorker spoolWorker;
    private final SpoolWriter writer;
    private final Leftovers leftovers;
    private final Deadlines waiters = new Deadlines();
    private volatile boolean accepting = true;
    /** Close has begun: no replay starts (what it would read could not be sent before the end). */
    private volatile boolean closing;
    private volatile boolean stopping;

    public HttpTransport(SentryOptions options, Diagnostics diagnostics) {
        this(options, diagnostics, null);
    }

    /** With a given spool (tests simulate broken disks); null means the one the options describe. */
    HttpTransport(SentryOptions options, Diagnostics diagnostics, DiskSpool givenSpool) {
        this.options = options;
        this.clock = options.clock();
        this.diagnostics = diagnostics;
        this.reports = new ClientReports(clock, options.sendClientReports());
        this.limits = new RateLimits(clock);
        this.backoff = new Backoff(clock, options.random());
        this.http = new HttpSender(options, SENDERS, limits, diagnostics);
        this.spool = givenSpool != null ? givenSpool : DiskSpool.forOptions(options, reports, diagnostics);
        this.queue = new SendQueue(options.maxQueueSize(), options.maxQueueBytes());
        this.writer = new SpoolWriter(spool, reports, settlements, this::reportHealth);
        this.overflow = new OverflowHandOff(OVERFLOW_FACTOR * options.maxQueueSize(), options.maxQueueBytes());
        this.senders = new Senders(this, http, limits, reports, backoff, pace, SENDERS);
        for (int i = 0; i < SENDERS; i++) {
            int slot = i;
            threads.add(new SdkThread("sender", options.threadPriority(), () -> senders.loop(slot)));
        }
        this.spoolWorker = spool == null ? null : new SpoolWorker(this, spool);
        if (spoolWorker != null) {
            threads.add(new SdkThread("spool", options.threadPriority(), spoolWorker::run));
            spoolWorker.thread = threads.get(threads.size() - 1);
        }
        this.leftovers = new Leftovers(queue, overflow, spoolWorker, writer);
        threads.forEach(Thread::start);
    }

    // ---- the application side: never blocks an application thread, never touches the disk ----

    @Override
    public void send(Envelope envelope) {
        if (!accepting) {
            reports.recordItems(envelope, DiscardReason.NETWORK_ERROR); // closed: it can no longer be sent
            return;
        }
        Pending p = new Pending(envelope, settlements.accept());
        boolean sdkThread = SdkThread.isCurrent();
        if (queue.offer(p) || (sdkThread && awaitRoom(p))) {
            leftovers.afterPut(sdkThread); // close may have drained the queue since the check above
            return;
        }
        if (spoolWorker != null && accepting && overflow.offer(p)) {
            spoolWorker.wake();
            leftovers.afterPut(sdkThread);
            return;
        }
        if (spool != null && sdkThread) {
            // The hand-off is full too (a burst bigger than memory may hold), or close began while the
            // worker waited (no one drains the hand-off then). The caller is the SDK's worker, never an
            // application thread, so it may write to disk itself: this slows the worker, the capture
            // buffer absorbs the burst meanwhile, and nothing is lost.
            writer.store(List.of(p), DiscardReason.QUEUE_OVERFLOW);
            return;
        }
        reports.recordItems(envelope, DiscardReason.QUEUE_OVERFLOW);
        settlements.settle(p);
        diagnostics.throttled("transport.full", Duration.ofMinutes(1), "send queue full; dropping envelopes ("
                + stats() + ")");
    }

    /**
     * The SDK's worker waits for room while the senders keep up with a healthy server: a burst stays in
     * memory (the capture buffer in front holds it) instead of going through the disk. Bounded: it
     * stops waiting when the server fails or slows down, at close, or after {@link #MAX_ROOM_WAIT_NANOS}.
     */
    private boolean awaitRoom(Pending p) {
        return queue.awaitRoom(p, this::keepingUp, System.nanoTime() + MAX_ROOM_WAIT_NANOS);
    }

    /** The senders are draining the queue at a healthy server's pace. */
    private boolean keepingUp(long now) {
        return accepting && !stopping && backoff.healthy() && !pace.slow(now);
    }

    @Override
    public void recordDiscard(DiscardReason reason, String category, long quantity) {
        reports.record(reason, category, quantity);
    }

    // ---- what the senders need ----

    Pending take() throws InterruptedException {
        return queue.take(IDLE_PARK_NANOS);
    }

    void holding(int delta) {
        holding.addAndGet(delta);
    }

    /** Senders with an envelope in hand (for tests). */
    int holding() {
        return holding.get();
    }

    /** Something waits to be sent besides the caller's own envelope ({@code holdingOne}: it still has one). */
    boolean moreWork(boolean holdingOne) {
        return !queue.isEmpty() || holding.get() > (holdingOne ? 1 : 0);
    }

    /** A flush or close is waiting. */
    boolean urgent() {
        return waiters.any();
    }

    void delivered() {
        sent.incrementAndGet();
        if (spoolWorker != null) {
            spoolWorker.wake();
        }
    }

    /** An envelope is delivered or deliberately dropped. */
    void settle(Pending p) {
        if (p.fromSpool()) {
            spool.ack(p.spoolFile, p.spoolPosition);
        } else {
            settlements.settle(p);
        }
    }

    /**
     * An envelope that cannot be sent now goes to the spool thread, which writes it in a batch; an
     * envelope read from the spool just goes back there (its file still holds it).
     */
    void spill(Pending p, DiscardReason reason) {
        if (p.fromSpool()) {
            spool.release(p.spoolFile, p.spoolPosition);
        } else if (!stopping && !canSpool()) {
            requeue(p); // no disk to take it: it waits in memory for the next try
        } else if (spoolWorker == null) {
            writer.store(List.of(p), reason);
        } else {
            spoolWorker.accept(p);
            leftovers.afterPut(true); // a sender's request aborted by close may end after close drained
        }
    }

    void reportHealth() {
        Instant since = backoff.failingSince();
        diagnostics.throttled("transport.health", Duration.ofMinutes(1), "delivery unhealthy"
                + (since == null ? "" : ", server failing since " + since) + ": " + stats());
    }

    // ---- what the spool worker needs ----

    /**
     * How many envelopes the memory queue should keep now; the rest belongs on disk. While the server
     * answers, however slowly, all of them: a flush or close keeps sending until its deadline. While it
     * cannot be reached, only a few for the senders' next tries (a crash cannot lose what is on disk),
     * and none while a flush or close waits.
     */
    int queueKeep(long now) {
        if (backoff.healthy() || !canSpool()) {
            return Integer.MAX_VALUE;
        }
        return waiters.any() ? 0 : SENDERS;
    }

    /** Whether the overflow hand-off should go to disk rather than wait in memory for room in the queue. */
    boolean spillOverflow(long now) {
        return overflowBelongsOnDisk(now) || overflow.halfFull();
    }

    /** The server fails or is slow, or a flush or close wants the memory emptied. */
    boolean overflowBelongsOnDisk(long now) {
        return canSpool() && (!backoff.healthy() || pace.slowOnAverage() || queueKeep(now) == 0);
    }

    /**
     * Whether the disk spool takes envelopes now. Without it (off, unusable, or resting after a failed
     * write) what cannot be sent waits in the bounded memory queue and is retried until the server is
     * back; only at close, or when memory is full, is anything dropped.
     */
    boolean canSpool() {
        return spool != null && spool.writable();
    }

    /**
     * Puts an envelope the disk did not take back into memory: the queue, else the overflow hand-off;
     * dropped (and counted as queue_overflow) only when both are full.
     */
    void requeue(Pending p) {
        if (queue.offer(p) || (spoolWorker != null && overflow.offer(p))) {
            leftovers.afterPut(true);
            return;
        }
        reports.recordItems(p.envelope, DiscardReason.QUEUE_OVERFLOW);
        settlements.settle(p);
        diagnostics.throttled("transport.full", Duration.ofMinutes(1), "send queue full; dropping envelopes ("
                + stats() + ")");
    }

    Pending pollQueue() {
        return queue.poll();
    }

    SpoolWriter writer() {
        return writer;
    }

    int queued() {
        return queue.size();
    }

    Pending pollOverflow() {
        return overflow.poll();
    }

    /** Moves the oldest overflowed envelope into the queue if it has room; false when it had none (or none waits). */
    boolean moveOverflowToQueue() {
        if (!overflow.moveOldest(queue::offer)) {
            return false;
        }
        leftovers.afterPut(true);
        return true;
    }

    /** Feeds a spooled envelope to the queue; false when it has no room. */
    boolean replayIntoQueue(Pending p) {
        if (!queue.offer(p)) {
            return false;
        }
        leftovers.afterPut(true);
        return true;
    }

    /**
     * How many spooled envelopes may be fed to the senders now: up to half the queue while the server
     * is healthy; while it is failing or slow, one probe once nothing else is waiting; none while a
     * flush or close should rather be writing to disk.
     */
    int replayBudget(long now) {
        if (closing || stopping || !accepting || backoff.waiting() || limits.allLimited() || queueKeep(now) == 0) {
            return 0;
        }
        if (!backoff.healthy() || pace.slowOnAverage()) {
            return queue.isEmpty() && overflow.size() == 0 && holding.get() == 0 ? 1 : 0;
        }
        return Math.max(0, Math.max(1, options.maxQueueSize() / 2) - queue.size());
    }

    boolean stopping() {
        return stopping;
    }

    Clock clock() {
        return clock;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    // ---- lifecycle ----

    @Override
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        beginWaiting();
        try {
            if (!awaitSettled(settlements.lastAccepted(), deadline)) {
                return false;
            }
            if (accepting && backoff.healthy() && !limits.allLimited()) { // reports wait for a healthy server
                Envelope alone = reports.drainAlone();
                if (alone != null) {
                    Pending p = new Pending(alone, settlements.accept());
                    if (!queue.offer(p)) {
                        settlements.settle(p);
                    }
                    return awaitSettled(p.seq, deadline);
                }
            }
            return true;
        } finally {
            waiters.end();
        }
    }

    private void beginWaiting() {
        waiters.begin();
        if (spoolWorker != null) {
            spoolWorker.wake();
        }
    }

    private boolean awaitSettled(long seq, long deadline) {
        while (!settlements.settledThrough(seq)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (spoolWorker != null && overflow.size() > 0) {
                spoolWorker.wake();
            }
            LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(1)));
        }
        return true;
    }

    /**
     * Sends until the deadline, then aborts what is in flight, spools what is left (with a hard stop
     * {@link #CLOSE_SPOOL_MARGIN_NANOS} later) and stops the threads. With nothing pending it returns at
     * once: it waits only for senders that hold an envelope, never for one still building its client.
     */
    @Override
    public void close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        threads.forEach(SdkThread::raiseForClosing);
        beginWaiting();
        if (backoff.healthy() && !limits.allLimited()) {
            Envelope alone = reports.drainAlone();
            if (alone != null) {
                send(alone);
            }
        }
        accepting = false;
        awaitSettled(settlements.lastAccepted(), deadline);
        // Replayed envelopes already in memory are not counted for flush, but aborting one the server
        // may already have taken would send it again next time: they get until the deadline too.
        while ((!queue.isEmpty() || holding.get() > 0) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
        }
        stopping = true;
        senders.cancelInFlight();
        http.close();
        threads.forEach(LockSupport::unpark);
        // Aborted requests end at once; their senders hand their envelopes on as they stop.
        long letGo = Math.max(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
        while (holding.get() > 0 && System.nanoTime() - letGo < 0) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (spoolWorker != null) {
            join(spoolWorker.thread, letGo); // it may be writing a batch
        }
        // Spooling what is left has a hard stop too: a slow disk must not hold the JVM's exit hostage.
        // A sender that hands an envelope on after this drains it itself (Leftovers.afterPut).
        int abandoned = leftovers.finish(deadline + CLOSE_SPOOL_MARGIN_NANOS);
        if (spool != null) {
            spool.persistAcks(deadline + CLOSE_SPOOL_MARGIN_NANOS); // what was replayed is not replayed again
        }
        waiters.end();
        if (abandoned > 0) {
            diagnostics.debug(abandoned + " envelope(s) could not be spooled before the shutdown deadline; dropped");
        }
        if (spool != null && spool.count() > 0) {
            diagnostics.debug(spool.count() + " envelope(s) wait in " + spool.dir() + " for the next start");
        }
    }

    private static void join(Thread t, long deadline) {
        long left = deadline - System.nanoTime();
        if (t == null || left <= 0 || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public TransportStats stats() {
        return new TransportStats(queue.size() + overflow.size() + (spoolWorker == null ? 0 : spoolWorker.inboxSize()),
                sent.get(),
                spool == null ? 0 : spool.count(), reports.totals(), backoff.failingSince());
    }

    /** The sender (tests). */
    HttpSender sender() {
        return http;
    }
}
