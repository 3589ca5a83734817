package org.sentry4j.internal.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;

/**
 * The sender threads' work: take an envelope from the transport's queue, drop what is rate limited,
 * pass the {@link ProbeGate}, post it, and act on the answer (settle it, retry after backoff, or hand
 * it to the spool). A sender that cannot send now keeps the envelope in hand; when a flush or close
 * is waiting on a server that fails or does not keep up, it hands it to the spool instead.
 */
final class Senders {
    static final int MAX_ATTEMPTS = 3;
    static final Duration REPORT_INTERVAL = Duration.ofSeconds(30);
    private static final long BACKOFF_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long GATE_WAIT_MILLIS = 10;
    private static final int SETTLED = 0;
    private static final int RETRY = 1;
    private static final int GATED = 2;

    private final HttpTransport transport;
    private final HttpSender http;
    private final RateLimits limits;
    private final ClientReports reports;
    private final Backoff backoff;
    private final SendPace pace;
    private final ProbeGate gate = new ProbeGate();
    private final Clock clock;
    private final Diagnostics diagnostics;
    private final AtomicReferenceArray<HttpSender.Exchange> inFlight;
    private volatile Instant lastReportCheck;

    Senders(HttpTransport transport, HttpSender http, RateLimits limits, ClientReports reports, Backoff backoff,
            SendPace pace, int count) {
        this.transport = transport;
        this.http = http;
        this.limits = limits;
        this.reports = reports;
        this.backoff = backoff;
        this.pace = pace;
        this.clock = transport.clock();
        this.diagnostics = transport.diagnostics();
        this.inFlight = new AtomicReferenceArray<>(count);
        this.lastReportCheck = clock.instant();
    }

    void loop(int slot) {
        GzipBody body = new GzipBody();
        Pending held = null;
        http.prepare(); // the first sender builds the client, the others wait for it
        try {
            while (!transport.stopping()) {
                if (held == null) {
                    held = transport.take();
                    if (held == null) {
                        maybeSendReportsAlone(slot, body);
                        continue;
                    }
                    transport.holding(1);
                }
                if (backoff.waiting()) {
                    if (transport.urgent() && transport.canSpool()) { // flush/close waits: disk, not the server
                        transport.spill(held, DiscardReason.NETWORK_ERROR);
                        held = null;
                        transport.holding(-1);
                    } else {
                        LockSupport.parkNanos(this, BACKOFF_PARK_NANOS);
                    }
                    continue;
                }
                int outcome = attempt(held, slot, body, true);
                if (outcome == SETTLED) {
                    held = null; // attempt let go of it (holding) as soon as it knew
                } else if (outcome == GATED) {
                    gate.await(GATE_WAIT_MILLIS); // a server that answers is waited for, however slowly
                }
            }
        } catch (Throwable t) { // NOPMD: a sender must never die silently with an envelope in hand
            diagnostics.debug("sender failed", t);
        } finally {
            if (held != null) {
                transport.spill(held, DiscardReason.NETWORK_ERROR);
                transport.holding(-1);
            }
            body.release();
        }
    }

    /**
     * One try: {@link #SETTLED}, {@link #RETRY} (after backoff), or {@link #GATED} (wait for the probe).
     * For an envelope {@code inHand} (counted as held), a settled one is let go of before the gate hears
     * the answer, so the gate sees whether anything else is still waiting to be sent.
     */
    private int attempt(Pending p, int slot, GzipBody body, boolean inHand) {
        Envelope envelope = limits.filter(p.envelope, reports);
        if (envelope == null) {
            transport.settle(p);
            if (inHand) {
                transport.holding(-1);
            }
            return SETTLED;
        }
        p.envelope = envelope;
        long ticket = gate.enter();
        if (ticket == ProbeGate.WAIT) {
            return GATED;
        }
        int status = HttpSender.UNREACHABLE;
        boolean clean = false;
        boolean stopping = false;
        boolean lastTry = false;
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
            pace.started(slot, System.nanoTime());
            try {
                status = http.post(post, envelope, body, clock.instant());
            } finally {
                inFlight.set(slot, null);
                pace.answered(slot, System.nanoTime());
            }
            clean = !unreachable(status) && status != 429 && limits.version() == limitsBefore;
            stopping = transport.stopping();
            // with a disk to hold it, an envelope goes there after a few tries; else it is retried until
            // the server is back (it waits in the bounded memory queue meanwhile)
            lastTry = !stopping && transport.canSpool() && p.attempts + 1 >= MAX_ATTEMPTS;
            if (inHand && (!unreachable(status) || lastTry)) {
                transport.holding(-1);
                released = true;
            }
        } finally {
            gate.answered(ticket, clean, transport.moreWork(inHand && !released));
        }
        if (unreachable(status)) {
            if (stopping) {
                return RETRY; // handed to the spool by the loop's exit
            }
            backoff.failed();
            p.attempts++;
            transport.reportHealth();
            if (lastTry) {
                transport.spill(p, DiscardReason.NETWORK_ERROR);
                return SETTLED;
            }
            return RETRY;
        }
        backoff.succeeded();
        if (status >= 200 && status < 300) {
            transport.delivered();
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
        transport.settle(p);
        return SETTLED;
    }

    /** No answer, or a gateway's: the server was not reached and the envelope is kept. */
    private static boolean unreachable(int status) {
        return status == HttpSender.UNREACHABLE || status == 502 || status == 503 || status == 504;
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
            Pending p = new Pending(alone, Settlements.NOT_COUNTED);
            if (attempt(p, slot, body, false) != SETTLED) {
                transport.spill(p, DiscardReason.NETWORK_ERROR);
            }
        }
    }

    /** Aborts the requests in flight (close, at its deadline). */
    void cancelInFlight() {
        for (int i = 0; i < inFlight.length(); i++) {
            HttpSender.Exchange post = inFlight.get(i);
            if (post != null) {
                post.cancel();
            }
        }
    }
}
