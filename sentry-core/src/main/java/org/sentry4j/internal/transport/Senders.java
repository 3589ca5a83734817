package org.sentry4j.internal.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;

/**
 * The sender threads' work: take an envelope from the {@link SendQueue}, drop what is rate limited,
 * pass the {@link Gate}, gzip and post it, and act on the answer. An answer settles it
 * ({@link FlushTracker}, or the spool's acknowledgement for a replayed one). While the gate says the
 * server cannot be reached (no answer, or a gateway's), what a sender holds goes forward at once when
 * the disk can take it: to the {@link SpoolInbox}, or, for a replayed envelope, back to its file; so a
 * kill loses only what was captured moments before. Without a usable disk it stays in hand and is
 * retried until the server is back or max-cache-age passes.
 */
final class Senders {
    static final Duration REPORT_INTERVAL = Duration.ofSeconds(30);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long GATE_WAIT_MILLIS = 10;

    private final SendQueue queue;
    private final Gate gate;
    private final FlushTracker tracker;
    private final RateLimits limits;
    private final ClientReports reports;
    private final HttpSender http;
    /** Null without a spool. */
    private final DiskSpool spool;
    /** Null without a spool thread. */
    private final SpoolInbox inbox;
    private final SpoolWriter writer;
    private final Clock clock;
    private final Diagnostics diagnostics;
    private final long maxCacheAgeMillis;
    private final AtomicReferenceArray<HttpSender.Exchange> inFlight;
    /** Senders holding an envelope (sending it, or waiting out a backoff or a probe to send it). */
    private final AtomicInteger holding = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private volatile Instant lastReportCheck;
    private volatile boolean stopping;
    private volatile long hardStop;

    Senders(SendQueue queue, Gate gate, FlushTracker tracker, RateLimits limits, ClientReports reports,
            HttpSender http, DiskSpool spool, SpoolInbox inbox, SpoolWriter writer, Clock clock,
            Diagnostics diagnostics, Duration maxCacheAge, int count) {
        this.queue = queue;
        this.gate = gate;
        this.tracker = tracker;
        this.limits = limits;
        this.reports = reports;
        this.http = http;
        this.spool = spool;
        this.inbox = inbox;
        this.writer = writer;
        this.clock = clock;
        this.diagnostics = diagnostics;
        this.maxCacheAgeMillis = maxCacheAge.toMillis();
        this.inFlight = new AtomicReferenceArray<>(count);
        this.lastReportCheck = clock.instant();
    }

    void loop(int slot) {
        GzipBody body = new GzipBody();
        Pending held = null;
        http.prepare(); // the first sender builds the client, the others wait for it
        try {
            while (!stopping) {
                if (held == null) {
                    held = queue.take(IDLE_PARK_NANOS);
                    if (held == null) {
                        maybeSendReportsAlone(slot, body);
                        continue;
                    }
                    holding.incrementAndGet();
                }
                if (tooOld(held)) {
                    reports.recordItems(held.envelope, DiscardReason.NETWORK_ERROR);
                    settle(held);
                    held = null;
                    holding.decrementAndGet();
                    continue;
                }
                Envelope envelope = limits.filter(held.envelope, reports);
                if (envelope == null) {
                    settle(held);
                    held = null;
                    holding.decrementAndGet();
                    continue;
                }
                held.envelope = envelope;
                long ticket = gate.enter(slot);
                if (ticket == Gate.WAIT) {
                    if (!gate.reachable() && canSpool()) {
                        // the server cannot be reached: the disk holds it (a crash cannot lose it there),
                        // and the probe after the backoff is a fresh capture or a replayed envelope
                        handOn(held);
                        held = null;
                        holding.decrementAndGet();
                    } else {
                        gate.await(GATE_WAIT_MILLIS); // a server that answers is waited for, however slowly
                    }
                    continue;
                }
                if (attempt(held, slot, ticket, body, true)) {
                    held = null; // attempt let go of it (holding) as soon as it knew
                }
            }
        } catch (Throwable t) { // NOPMD: a sender must never die silently with an envelope in hand
            diagnostics.debug("sender failed", t);
        } finally {
            if (held != null) {
                handOn(held);
                holding.decrementAndGet();
            }
            body.release();
        }
    }

    /**
     * Kept in memory past max-cache-age while the server cannot be reached: given up (counted as
     * network_error), as the spool gives up a file that old.
     */
    private boolean tooOld(Pending p) {
        return p.attempts > 0 && !p.fromSpool() && clock.millis() - p.acceptedMillis > maxCacheAgeMillis;
    }

    private boolean canSpool() {
        return inbox != null && spool.writable();
    }

    /**
     * One request through the gate's {@code ticket}; true when the envelope is done with here (settled,
     * or handed on), false when it is to be tried again. For an envelope {@code inHand} (counted as
     * held), a settled one is let go of before the gate hears the answer, so the gate sees whether
     * anything else is still waiting to be sent.
     */
    private boolean attempt(Pending p, int slot, long ticket, GzipBody body, boolean inHand) {
        Envelope envelope = p.envelope;
        int status = HttpSender.UNREACHABLE;
        Gate.Answer answer = Gate.Answer.UNREACHABLE;
        boolean stopped = false;
        boolean toDisk = false;
        boolean released = false;
        EnvelopeItem report = null;
        try {
            if (!limits.allLimited()) {
                report = reports.drain();
                if (report != null) {
                    List<EnvelopeItem> items = new ArrayList<>(envelope.items());
                    items.add(report);
                    envelope = envelope.withItems(items);
                    p.envelope = envelope;
                }
            }
            long limitsBefore = limits.version();
            HttpSender.Exchange post = http.newRequest();
            inFlight.set(slot, post);
            try {
                status = http.post(post, envelope, body, clock.instant());
            } finally {
                inFlight.set(slot, null);
            }
            answer = unreachable(status) ? Gate.Answer.UNREACHABLE
                    : status == 429 || limits.version() != limitsBefore ? Gate.Answer.LIMITED : Gate.Answer.PLAIN;
            stopped = stopping;
            // with a disk to hold it, an envelope the server did not take goes there at once; else it is
            // retried until the server is back (it waits in hand meanwhile) or max-cache-age passes
            toDisk = !stopped && canSpool();
            if (inHand && (answer != Gate.Answer.UNREACHABLE || toDisk)) {
                holding.decrementAndGet();
                released = true;
            }
        } finally {
            gate.answered(slot, ticket, answer, moreWork(inHand && !released));
        }
        if (answer == Gate.Answer.UNREACHABLE) {
            if (stopped) {
                return false; // handed on by the loop's exit
            }
            p.attempts++;
            Instant since = gate.failingSince();
            diagnostics.throttled("transport.health", Duration.ofMinutes(1), "delivery unhealthy"
                    + (since == null ? "" : ", server failing since " + since) + "; " + queue.size() + " queued");
            if (toDisk) {
                handOn(p);
                return true;
            }
            return false;
        }
        if (status >= 200 && status < 300) {
            sent.incrementAndGet();
        } else {
            if (report != null) {
                reports.restore(report); // the report riding along was not taken either
            }
            if (status != 429) { // a 429 is counted by the server itself
                reports.recordItems(envelope, DiscardReason.SEND_ERROR);
                diagnostics.throttled("transport.status." + status, Duration.ofMinutes(1),
                        "Sentry answered " + status + "; envelope dropped" + (status == 413 ? " (too large)" : ""));
            }
        }
        settle(p);
        return true;
    }

    /** Something waits to be sent besides the caller's own envelope ({@code holdingOne}: it still has one). */
    private boolean moreWork(boolean holdingOne) {
        return !queue.isEmpty() || holding.get() > (holdingOne ? 1 : 0);
    }

    /** No answer, or a gateway's: the server was not reached and the envelope is kept. */
    private static boolean unreachable(int status) {
        return status == HttpSender.UNREACHABLE || status == 502 || status == 503 || status == 504;
    }

    /** Delivered or deliberately dropped. */
    private void settle(Pending p) {
        if (p.fromSpool()) {
            spool.ack(p.spoolFile, p.spoolPosition);
        } else {
            tracker.settle(p);
        }
    }

    /**
     * An envelope that cannot be sent now goes forward: one read from the spool is released (its file
     * still holds it), another goes to the spool thread, or, once that has finished (close) or without
     * one, is written here before close's hard stop (counted as network_error when it cannot be).
     */
    private void handOn(Pending p) {
        if (p.fromSpool()) {
            spool.release(p.spoolFile, p.spoolPosition);
        } else if (inbox == null || !inbox.offer(p)) {
            List<Pending> one = new ArrayList<>(1);
            one.add(p);
            writer.storeBefore(one, stopping ? hardStop : Long.MAX_VALUE);
        }
    }

    private void maybeSendReportsAlone(int slot, GzipBody body) {
        if (slot != 0 || !reports.hasPending() || gate.waitingOut() || limits.allLimited()) {
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(lastReportCheck.plus(REPORT_INTERVAL))) {
            return;
        }
        long ticket = gate.enter(slot);
        if (ticket == Gate.WAIT) {
            return;
        }
        lastReportCheck = now;
        Envelope alone = reports.drainAlone();
        if (alone == null) {
            gate.leave(slot, ticket);
            return;
        }
        Pending p = new Pending(alone, FlushTracker.NOT_COUNTED, clock.millis());
        if (!attempt(p, slot, ticket, body, false)) {
            reports.restore(alone.items().get(alone.items().size() - 1)); // counted again, sent with what goes next
        }
    }

    /** Senders holding an envelope now. */
    int holding() {
        return holding.get();
    }

    /** Envelopes delivered (a 2xx). */
    long sent() {
        return sent.get();
    }

    /**
     * Close, at its deadline: the senders stop, requests in flight are aborted, and what each holds is
     * handed on (written by {@code hardStop} at the latest).
     */
    void stop(long hardStop) {
        this.hardStop = hardStop;
        stopping = true;
        for (int i = 0; i < inFlight.length(); i++) {
            HttpSender.Exchange post = inFlight.get(i);
            if (post != null) {
                post.cancel();
            }
        }
    }
}
