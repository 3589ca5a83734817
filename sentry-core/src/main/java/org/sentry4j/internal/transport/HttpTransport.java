package org.sentry4j.internal.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.internal.SdkThread;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;
import org.sentry4j.transport.Transport;
import org.sentry4j.transport.TransportStats;

/**
 * Delivers envelopes over HTTP without ever making the caller wait. {@link #send} only appends to a
 * bounded in-memory queue; when that is full the envelope goes on an overflow hand-off that the spool
 * thread writes to disk. Two sender threads drain the queue over kept-alive connections. An
 * unreachable server (no answer, 502/503/504) pauses the senders with capped, jittered exponential
 * backoff; an envelope that keeps failing is spooled. Spooled envelopes are replayed, oldest first, at
 * startup and once the server answers again.
 */
public final class HttpTransport implements Transport {
    static final int SENDERS = 4;
    static final int MAX_ATTEMPTS = 3;
    /** The overflow hand-off may hold this many times {@code maxQueueSize} (and at most maxQueueBytes). */
    static final int OVERFLOW_FACTOR = 50;
    static final Duration REPORT_INTERVAL = Duration.ofSeconds(30);
    /** How far past the shutdown deadline close() may go on writing the spool (the issue allows 0.5 s). */
    static final long CLOSE_SPOOL_MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(400);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long BACKOFF_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final SentryOptions options;
    private final Clock clock;
    private final Diagnostics diagnostics;
    private final ClientReports reports;
    private final RateLimits limits;
    private final Backoff backoff;
    private final HttpSender http;
    private final DiskSpool spool;
    private final LinkedBlockingQueue<Pending> queue;
    private final AtomicLong queueBytes = new AtomicLong();
    private final OverflowHandOff overflow;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicInteger urgent = new AtomicInteger();
    /** Senders holding an envelope (sending it, or waiting out a backoff to retry it). */
    private final AtomicInteger holding = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReferenceArray<HttpPost> inFlight = new AtomicReferenceArray<>(SENDERS);
    private final List<Thread> threads = new ArrayList<>();
    private final SpoolWorker spoolWorker;
    private volatile Instant lastReportCheck;
    private volatile boolean accepting = true;
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
        this.http = new HttpSender(options, SENDERS, limits);
        this.spool = givenSpool != null ? givenSpool : DiskSpool.forOptions(options, reports, diagnostics);
        this.queue = new LinkedBlockingQueue<>(options.maxQueueSize());
        this.overflow = new OverflowHandOff(OVERFLOW_FACTOR * options.maxQueueSize(), options.maxQueueBytes());
        this.lastReportCheck = clock.instant();
        for (int i = 0; i < SENDERS; i++) {
            int slot = i;
            threads.add(new SdkThread("sender", () -> senderLoop(slot)));
        }
        this.spoolWorker = spool == null ? null : new SpoolWorker(this, spool);
        if (spoolWorker != null) {
            threads.add(new SdkThread("spool", spoolWorker::run));
            spoolWorker.thread = threads.get(threads.size() - 1);
        }
        threads.forEach(Thread::start);
    }

    // ---- the application side: never blocks, never touches the disk ----

    @Override
    public void send(Envelope envelope) {
        if (!accepting) {
            reports.recordItems(envelope, DiscardReason.QUEUE_OVERFLOW);
            return;
        }
        accepted.incrementAndGet();
        Pending p = new Pending(envelope, null, true);
        if (offer(p)) {
            return;
        }
        if (spoolWorker != null && overflow.offer(p)) {
            spoolWorker.wake();
            return;
        }
        if (spool != null && SdkThread.isCurrent()) {
            // The hand-off is full too (a burst bigger than memory may hold). The caller is the SDK's
            // worker, never an application thread, so it may write to disk itself: this slows the
            // worker, the capture buffer absorbs the burst meanwhile, and nothing is lost.
            spoolOrDrop(p, DiscardReason.QUEUE_OVERFLOW);
            return;
        }
        reports.recordItems(envelope, DiscardReason.QUEUE_OVERFLOW);
        done.incrementAndGet();
        diagnostics.throttled("transport.full", Duration.ofMinutes(1), "send queue full; dropping envelopes ("
                + stats() + ")");
    }

    /** Into the memory queue if it has room by count and bytes. */
    boolean offer(Pending p) {
        if (queueBytes.get() + p.bytes > options.maxQueueBytes() || !queue.offer(p)) {
            return false;
        }
        queueBytes.addAndGet(p.bytes);
        return true;
    }

    @Override
    public void recordDiscard(DiscardReason reason, String category, long quantity) {
        reports.record(reason, category, quantity);
    }

    // ---- the sender threads ----

    private void senderLoop(int slot) {
        GzipBody body = new GzipBody();
        Pending held = null;
        try {
            while (!stopping) {
                if (held == null) {
                    held = take();
                    if (held == null) {
                        maybeSendReportsAlone(slot, body);
                        continue;
                    }
                    holding.incrementAndGet();
                }
                if (backoff.waiting()) {
                    if (urgent.get() > 0) { // flush/close is waiting: do not keep it waiting for the server
                        spoolOrDrop(held, DiscardReason.NETWORK_ERROR);
                        held = null;
                        holding.decrementAndGet();
                    } else {
                        LockSupport.parkNanos(this, BACKOFF_PARK_NANOS);
                    }
                    continue;
                }
                held = attempt(held, slot, body);
                if (held == null) {
                    holding.decrementAndGet();
                }
            }
        } catch (Throwable t) { // NOPMD: a sender must never die silently with an envelope in hand
            diagnostics.debug("sender failed", t);
        } finally {
            if (held != null) {
                spoolOrDrop(held, DiscardReason.NETWORK_ERROR);
                holding.decrementAndGet();
            }
            body.release();
        }
    }

    private Pending take() throws InterruptedException {
        Pending p = queue.poll(IDLE_PARK_NANOS, TimeUnit.NANOSECONDS);
        if (p != null) {
            queueBytes.addAndGet(-p.bytes);
        }
        return p;
    }

    /** One try; returns the envelope when it should be tried again, null when it is settled. */
    private Pending attempt(Pending p, int slot, GzipBody body) {
        Envelope envelope = limits.filter(p.envelope, reports);
        if (envelope == null) {
            settle(p);
            return null;
        }
        if (!limits.allLimited()) {
            EnvelopeItem report = reports.drain();
            if (report != null) {
                List<EnvelopeItem> items = new ArrayList<>(envelope.items());
                items.add(report);
                envelope = envelope.withItems(items);
            }
        }
        p.envelope = envelope;
        HttpPost post = http.newRequest();
        inFlight.set(slot, post);
        int status;
        try {
            status = http.post(post, envelope, body, clock.instant());
        } finally {
            inFlight.set(slot, null);
        }
        if (status == HttpSender.UNREACHABLE || status == 502 || status == 503 || status == 504) {
            if (stopping) {
                return p; // handed to the spool by the loop's exit
            }
            backoff.failed();
            p.attempts++;
            reportHealth();
            if (p.attempts >= MAX_ATTEMPTS) {
                spoolOrDrop(p, DiscardReason.NETWORK_ERROR);
                return null;
            }
            return p;
        }
        backoff.succeeded();
        if (status >= 200 && status < 300) {
            sent.incrementAndGet();
            if (spoolWorker != null) {
                spoolWorker.wake();
            }
        } else if (status != 429) { // a 429 is counted by the server itself
            reports.recordItems(envelope, DiscardReason.SEND_ERROR);
            diagnostics.throttled("transport.status." + status, Duration.ofMinutes(1),
                    "Sentry answered " + status + "; envelope dropped" + (status == 413 ? " (too large)" : ""));
        }
        settle(p);
        return null;
    }

    private void maybeSendReportsAlone(int slot, GzipBody body) {
        if (slot != 0 || !reports.hasPending() || backoff.waiting() || limits.allLimited()) {
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(lastReportCheck.plus(REPORT_INTERVAL))) {
            return;
        }
        lastReportCheck = now;
        Envelope alone = reports.drainAlone();
        if (alone != null) {
            Pending p = attempt(new Pending(alone, null, false), slot, body);
            if (p != null) {
                spoolOrDrop(p, DiscardReason.NETWORK_ERROR);
            }
        }
    }

    // ---- settling an envelope ----

    private void settle(Pending p) {
        if (p.fromSpool()) {
            spool.delete(p.spoolFile);
        } else if (p.counted) {
            done.incrementAndGet();
        }
    }

    /** Keeps an envelope that cannot be sent now on disk; drops it (counted as {@code reason}) if it cannot. */
    void spoolOrDrop(Pending p, DiscardReason reason) {
        if (p.fromSpool()) {
            spool.release(p.spoolFile); // its file is still there
            return;
        }
        if (spool == null || !spool.store(p.envelope, p.category())) {
            reports.recordItems(p.envelope, reason);
            reportHealth();
        }
        if (p.counted) {
            done.incrementAndGet();
        }
    }

    void reportHealth() {
        Instant since = backoff.failingSince();
        diagnostics.throttled("transport.health", Duration.ofMinutes(1), "delivery unhealthy"
                + (since == null ? "" : ", server failing since " + since) + ": " + stats());
    }

    // ---- what the spool worker needs ----

    /**
     * While the server is failing, an envelope from the memory queue beyond the few the senders keep
     * for their next try, to be written to disk: what waits for a dead server belongs on disk, where a
     * crash cannot lose it and {@code close()} has little left to write. Null otherwise.
     */
    Pending pollToSpillWhileFailing() {
        if (backoff.healthy() || queue.size() <= SENDERS) {
            return null;
        }
        Pending p = queue.poll();
        if (p != null) {
            queueBytes.addAndGet(-p.bytes);
        }
        return p;
    }

    Pending pollOverflow() {
        return overflow.poll();
    }

    /**
     * How many spooled envelopes may be fed to the senders now: up to half the queue while the server
     * is healthy; while it is failing, one probe once its backoff is over and nothing else is waiting.
     */
    int replayBudget() {
        if (stopping || !accepting || backoff.waiting() || limits.allLimited()) {
            return 0;
        }
        if (!backoff.healthy()) {
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
        urgent.incrementAndGet();
        try {
            if (!awaitDone(accepted.get(), deadline)) {
                return false;
            }
            if (accepting && backoff.healthy() && !limits.allLimited()) { // reports wait for a healthy server
                Envelope alone = reports.drainAlone();
                if (alone != null) {
                    accepted.incrementAndGet();
                    Pending p = new Pending(alone, null, true);
                    if (!queue.offer(p)) {
                        done.incrementAndGet();
                    }
                    return awaitDone(accepted.get(), deadline);
                }
            }
            return true;
        } finally {
            urgent.decrementAndGet();
        }
    }

    private boolean awaitDone(long target, long deadline) {
        while (done.get() < target) {
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

    @Override
    public void close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        // keep time to spool what the server did not take
        long reserve = Math.min(timeout.toNanos() / 4, TimeUnit.MILLISECONDS.toNanos(500));
        urgent.incrementAndGet();
        if (backoff.healthy() && !limits.allLimited()) {
            Envelope alone = reports.drainAlone();
            if (alone != null) {
                send(alone);
            }
        }
        accepting = false;
        awaitDone(accepted.get(), deadline - reserve);
        stopping = true;
        for (int i = 0; i < SENDERS; i++) {
            HttpPost post = inFlight.get(i);
            if (post != null) {
                post.cancel();
            }
        }
        http.close();
        threads.forEach(LockSupport::unpark);
        joinThreads(deadline);
        // Spooling what is left has a hard stop too: a slow disk must not hold the JVM's exit hostage.
        long hardStop = deadline + CLOSE_SPOOL_MARGIN_NANOS;
        int abandoned = 0;
        Pending p;
        while ((p = queue.poll()) != null || (p = pollOverflow()) != null) {
            if (p.fromSpool() || System.nanoTime() < hardStop) {
                spoolOrDrop(p, DiscardReason.QUEUE_OVERFLOW);
            } else {
                reports.recordItems(p.envelope, DiscardReason.QUEUE_OVERFLOW);
                if (p.counted) {
                    done.incrementAndGet();
                }
                abandoned++;
            }
        }
        joinThreads(Math.max(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100)));
        if (abandoned > 0) {
            diagnostics.debug(abandoned + " envelope(s) could not be spooled before the shutdown deadline; dropped");
        }
        if (spool != null && spool.count() > 0) {
            diagnostics.debug(spool.count() + " envelope(s) wait in " + spool.dir() + " for the next start");
        }
    }

    private void joinThreads(long deadline) {
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || t == Thread.currentThread()) {
                continue;
            }
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public TransportStats stats() {
        return new TransportStats(queue.size() + overflow.size(), sent.get(),
                spool == null ? 0 : spool.count(), reports.totals(), backoff.failingSince());
    }
}
