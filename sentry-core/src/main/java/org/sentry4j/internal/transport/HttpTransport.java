package org.sentry4j.internal.transport;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.internal.SdkThread;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.Transport;
import org.sentry4j.transport.TransportStats;

/**
 * Delivers envelopes over HTTP without ever making an application thread wait. It builds the parts
 * and hands each envelope to the first; from there each part hands work forward:
 * {@link #send} → {@link SendQueue} → {@link Senders} (through the {@link Gate}) → the server, or
 * → {@link SpoolInbox} → {@link SpoolWorker} → disk, and replayed from disk → the queue. The
 * {@link FlushTracker} knows what each flush waits for.
 *
 * <p>When the queue is full, the SDK's own worker waits for room while the server keeps up (the
 * capture buffer in front of it absorbs the burst); otherwise the envelope goes to the spool inbox
 * (bounded by count and by the queue's bytes), which the spool thread writes to disk; when that is full too, the
 * worker writes it to disk itself. An application thread never waits and never touches the disk.
 */
public final class HttpTransport implements Transport {
    static final int SENDERS = 4;
    /** The spool inbox may hold this many times {@code maxQueueSize} from the worker (and at most maxQueueBytes). */
    static final int INBOX_FACTOR = 50;
    /** How far past the shutdown deadline close() may go on writing the spool (the issue allows 0.5 s; the rest of close needs some of it). */
    static final long CLOSE_SPOOL_MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    /** The longest the worker waits for room in the queue for one envelope before handing it on. */
    static final long MAX_ROOM_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Clock clock;
    private final Diagnostics diagnostics;
    private final ClientReports reports;
    private final Gate gate;
    private final HttpSender http;
    private final DiskSpool spool;
    private final SendQueue queue;
    private final FlushTracker tracker = new FlushTracker();
    private final SpoolWriter writer;
    /** Null without a spool. */
    private final SpoolInbox inbox;
    private final Senders senders;
    /** Null without a spool. */
    private final SpoolWorker spoolWorker;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Calls to {@link #send} in progress: close waits for them before it looks at what is in memory. */
    private final AtomicInteger sending = new AtomicInteger();
    private volatile boolean accepting = true;

    public HttpTransport(SentryOptions options, Diagnostics diagnostics) {
        this(options, diagnostics, null);
    }

    /** With a given spool (tests simulate broken disks); null means the one the options describe. */
    HttpTransport(SentryOptions options, Diagnostics diagnostics, DiskSpool givenSpool) {
        this.clock = options.clock();
        this.diagnostics = diagnostics;
        this.reports = new ClientReports(clock, options.sendClientReports());
        RateLimits limits = new RateLimits(clock);
        this.gate = new Gate(clock, options.random(), limits, SENDERS);
        this.http = new HttpSender(options, SENDERS, limits, diagnostics);
        this.spool = givenSpool != null ? givenSpool : DiskSpool.forOptions(options, reports, diagnostics);
        this.queue = new SendQueue(options.maxQueueSize(), options.maxQueueBytes());
        this.writer = new SpoolWriter(spool, reports, tracker, diagnostics);
        this.inbox = spool == null ? null : new SpoolInbox(INBOX_FACTOR * options.maxQueueSize(),
                options.maxQueueBytes());
        this.senders = new Senders(queue, gate, tracker, limits, reports, http, spool, inbox, writer, clock,
                diagnostics, options.maxCacheAge(), SENDERS);
        for (int i = 0; i < SENDERS; i++) {
            int slot = i;
            threads.add(new SdkThread("sender", options.threadPriority(), () -> senders.loop(slot)));
        }
        if (spool == null) {
            this.spoolWorker = null;
        } else {
            this.spoolWorker = new SpoolWorker(spool, queue, inbox, gate, tracker, writer, senders,
                    options.maxQueueSize(), clock, diagnostics);
            Thread t = new SdkThread("spool", options.threadPriority(), spoolWorker::run);
            spoolWorker.thread = t;
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    // ---- the application side: never blocks an application thread, never touches the disk ----

    @Override
    public void send(Envelope envelope) {
        sending.incrementAndGet();
        try {
            if (!accepting) {
                reports.recordItems(envelope, DiscardReason.NETWORK_ERROR); // closed: it can no longer be sent
                return;
            }
            Pending p = new Pending(envelope, tracker.accept(), clock.millis());
            boolean sdkThread = SdkThread.isCurrent();
            if (queue.offer(p) || (sdkThread && queue.awaitRoom(p, now -> accepting && gate.keepingUp(),
                    System.nanoTime() + MAX_ROOM_WAIT_NANOS))) {
                return;
            }
            if (inbox != null && inbox.offerBounded(p)) {
                spoolWorker.wake();
                return;
            }
            if (spool != null && sdkThread) {
                // The inbox is full too (a burst bigger than memory may hold). The caller is the SDK's
                // worker, never an application thread, so it may write to disk itself: this slows the
                // worker, the capture buffer absorbs the burst meanwhile, and nothing is lost.
                List<Pending> one = new ArrayList<>(1);
                one.add(p);
                writer.store(one, DiscardReason.QUEUE_OVERFLOW);
                return;
            }
            reports.recordItems(envelope, DiscardReason.QUEUE_OVERFLOW);
            tracker.settle(p);
            diagnostics.throttled("transport.full", Duration.ofMinutes(1), "send queue full; dropping envelopes ("
                    + stats() + ")");
        } finally {
            sending.decrementAndGet();
        }
    }

    @Override
    public void recordDiscard(DiscardReason reason, String category, long quantity) {
        reports.record(reason, category, quantity);
    }

    /** A flush or close is waiting (for tests). */
    boolean urgent() {
        return tracker.waiting();
    }

    /** Senders with an envelope in hand (for tests). */
    int holding() {
        return senders.holding();
    }

    // ---- lifecycle ----

    @Override
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seq = tracker.begin();
        wakeSpool();
        try {
            if (!tracker.await(seq, deadline)) {
                return false;
            }
            if (accepting && gate.reachable() && !gate.allLimited()) { // reports wait for a healthy server
                Envelope alone = reports.drainAlone();
                if (alone != null) {
                    Pending p = new Pending(alone, tracker.accept(), clock.millis());
                    if (!queue.offer(p)) {
                        tracker.settle(p);
                    }
                    return tracker.await(p.seq, deadline);
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            tracker.end();
        }
    }

    private void wakeSpool() {
        if (spoolWorker != null) {
            spoolWorker.wake();
        }
    }

    /**
     * Sends until the deadline, then stops the senders (aborting what is in flight), has the spool
     * thread write what is left (with a hard stop {@link #CLOSE_SPOOL_MARGIN_NANOS} later) and persists
     * the spool's acknowledgements. With nothing pending it returns at once: it waits only for senders
     * that hold an envelope, never for one still building its client.
     */
    @Override
    public void close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long hardStop = deadline + CLOSE_SPOOL_MARGIN_NANOS;
        threads.forEach(SdkThread::raiseForClosing);
        tracker.begin();
        if (spoolWorker != null) {
            spoolWorker.stopReplaying();
            spoolWorker.wake();
        }
        if (gate.reachable() && !gate.allLimited()) {
            Envelope alone = reports.drainAlone();
            if (alone != null) {
                send(alone);
            }
        }
        accepting = false;
        while (sending.get() > 0 && System.nanoTime() - deadline < 0) {
            // a send in progress ends soon now: the worker's wait for room ends once nothing is accepted
            LockSupport.parkNanos(this, TimeUnit.MICROSECONDS.toNanos(100));
        }
        try {
            tracker.await(tracker.lastAccepted(), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Replayed envelopes already in memory are not counted for flush, but aborting one the server
        // may already have taken would send it again next time: they get until the deadline too.
        while ((!queue.isEmpty() || senders.holding() > 0) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
        }
        senders.stop(hardStop);
        http.close();
        threads.forEach(LockSupport::unpark);
        // Aborted requests end at once; their senders hand their envelopes to the spool inbox as they
        // stop. Waited for until the hard stop, so nothing is written after close returns.
        while (senders.holding() > 0 && System.nanoTime() - hardStop < 0) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
        }
        int abandoned;
        if (spoolWorker != null) {
            // Spooling what is left has a hard stop: a slow disk must not hold the JVM's exit hostage.
            spoolWorker.stop(hardStop);
            join(spoolWorker.thread, hardStop);
            abandoned = spoolWorker.abandoned();
            spool.persistAcks(hardStop); // what was replayed is not replayed again
        } else {
            List<Pending> rest = new ArrayList<>();
            Pending p;
            while ((p = queue.poll()) != null) {
                rest.add(p);
            }
            abandoned = writer.storeBefore(rest, hardStop); // no disk: counted as not sent
        }
        tracker.end();
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
        return new TransportStats(queue.size() + (inbox == null ? 0 : inbox.size()), senders.sent(),
                spool == null ? 0 : spool.count(), reports.totals(), gate.failingSince());
    }

    /** The sender (tests). */
    HttpSender sender() {
        return http;
    }
}
