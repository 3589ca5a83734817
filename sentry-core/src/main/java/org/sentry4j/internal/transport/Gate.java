package org.sentry4j.internal.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * The one place that knows the server's health and decides when a request may go. Every time it
 * reads is the options' {@link Clock}, so tests move it forward instead of sleeping.
 *
 * <ul>
 * <li>Backoff: after a request got no answer (or a gateway's), nothing goes until a capped
 *   exponential delay with jitter has passed ({@link #BASE}, doubling, at most {@link #CAP}).</li>
 * <li>Probe: requests go in parallel while the state is known to be clear — at start (a new process
 *   has seen no limit; a short-lived program's first events are often its last) and while the last
 *   answer was a plain one and requests kept flowing. After a failure, a 429, a rate-limit header, or
 *   once the flow went idle, one request goes alone and the others wait for its answer.</li>
 * <li>Rate limits: the {@link RateLimits} the answers fill in, which say what is dropped before it is
 *   sent and whether the spool may replay.</li>
 * <li>Slow answers: a moving average of answer times, and requests out for longer than
 *   {@link #SLOW_MILLIS} with no answer since, tell a server that keeps up from one that does not.</li>
 * </ul>
 *
 * <p>Thread-safe: one monitor, held only for bookkeeping (never while a request is out).
 */
final class Gate {
    /** What {@link #enter} returns when the caller must wait ({@link #await}) and try again. */
    static final long WAIT = -1;
    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofSeconds(60);
    /** Slower than this per request (≤ 8 envelopes/s over four connections), the server does not keep up. */
    static final long SLOW_MILLIS = 500;

    /** How a request ended, as far as the server's health goes. */
    enum Answer {
        /** An answer that says nothing of limits (2xx, or a final 4xx/5xx). */
        PLAIN,
        /** A 429, or an answer that brought a rate limit. */
        LIMITED,
        /** No answer, or a gateway's (502–504): the server was not reached. */
        UNREACHABLE
    }

    private final Clock clock;
    private final Random random;
    private final RateLimits limits;
    /** When each slot's request went out (millis), or {@link Long#MIN_VALUE} when it has none out. */
    private final long[] outSince;

    private boolean clear = true;
    private boolean probing;
    private int inFlight;
    /** Counts closings: an answer to a request let through before the last closing cannot reopen. */
    private long epoch;
    private int failures;
    private long nextAttemptMillis = Long.MIN_VALUE;
    private Instant failingSince;
    private long averageMillis = -1;
    private long lastAnswerMillis = Long.MIN_VALUE;

    Gate(Clock clock, Random random, RateLimits limits, int slots) {
        this.clock = clock;
        this.random = random;
        this.limits = limits;
        this.outSince = new long[slots];
        java.util.Arrays.fill(outSince, Long.MIN_VALUE);
    }

    /**
     * Asks to send from {@code slot}: {@link #WAIT}, or a ticket to hand back to {@link #answered}.
     * Nothing goes while a backoff runs; otherwise a request goes in parallel with others while the
     * state is clear, else alone as the probe. (What is rate limited never gets here: the sender drops
     * it first, counted.)
     */
    synchronized long enter(int slot) {
        long now = clock.millis();
        if (failures > 0 && now < nextAttemptMillis) {
            return WAIT;
        }
        long ticket;
        if (clear) {
            ticket = epoch << 1;
        } else if (probing) {
            return WAIT;
        } else {
            probing = true;
            ticket = (epoch << 1) | 1;
        }
        inFlight++;
        outSince[slot] = now;
        return ticket;
    }

    /**
     * The request {@code slot} sent with {@code ticket} ended with {@code answer}; {@code moreWork}
     * when more is waiting to be sent (else the flow went idle and the next request probes again).
     */
    synchronized void answered(int slot, long ticket, Answer answer, boolean moreWork) {
        long now = clock.millis();
        long took = Math.max(0, now - outSince[slot]);
        outSince[slot] = Long.MIN_VALUE;
        averageMillis = averageMillis < 0 ? took : averageMillis + (took - averageMillis) / 4;
        lastAnswerMillis = now;
        inFlight--;
        if ((ticket & 1) == 1) {
            probing = false;
        }
        if (answer == Answer.UNREACHABLE) {
            failed(now);
        } else {
            failures = 0;
            failingSince = null;
            nextAttemptMillis = Long.MIN_VALUE;
        }
        if (answer != Answer.PLAIN) {
            if (clear) {
                clear = false;
                epoch++;
            }
        } else if (ticket >>> 1 == epoch) { // answers to requests sent before the last closing say nothing now
            clear = moreWork || inFlight > 0;
        }
        notifyAll();
    }

    /** The caller let through with {@code ticket} sent nothing after all. */
    synchronized void leave(int slot, long ticket) {
        outSince[slot] = Long.MIN_VALUE;
        inFlight--;
        if ((ticket & 1) == 1) {
            probing = false;
        }
        notifyAll();
    }

    private void failed(long now) {
        if (failingSince == null) {
            failingSince = Instant.ofEpochMilli(now);
        }
        failures = Math.min(failures + 1, 30);
        long cap = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(failures - 1, 16));
        // jitter in [cap/2, cap]: spreads retries of many clients without ever waiting longer than the cap
        long delay = cap / 2 + (long) (random.nextDouble() * (cap / 2.0));
        nextAttemptMillis = Math.max(nextAttemptMillis, now + delay);
    }

    /**
     * Waits up to {@code millis} for an answer (or the end of the backoff) that may let the caller
     * through; returns at once when {@link #enter} would let it through now (an answer that came between
     * the caller's {@code enter} and this call must not cost it the whole wait).
     */
    synchronized void await(long millis) throws InterruptedException {
        long now = clock.millis();
        long wait = millis;
        if (failures > 0 && now < nextAttemptMillis) {
            wait = Math.min(wait, nextAttemptMillis - now);
        } else if (clear || !probing) {
            return;
        }
        wait(Math.max(1, wait));
    }

    /** No request has failed since the last answer: the server can be reached. */
    synchronized boolean reachable() {
        return failures == 0;
    }

    /** The server was not reached and its next try is not due yet. */
    synchronized boolean waitingOut() {
        return failures > 0 && clock.millis() < nextAttemptMillis;
    }

    /** The server's answers have been slow lately. */
    synchronized boolean slowOnAverage() {
        return averageMillis > SLOW_MILLIS;
    }

    /**
     * The server can be reached and keeps up: its answers are not slow on average, and no request has
     * been out longer than {@link #SLOW_MILLIS} without any answer since.
     */
    synchronized boolean keepingUp() {
        if (failures > 0 || averageMillis > SLOW_MILLIS) {
            return false;
        }
        long now = clock.millis();
        for (long since : outSince) {
            if (since != Long.MIN_VALUE && now - Math.max(since, lastAnswerMillis) > SLOW_MILLIS) {
                return false;
            }
        }
        return true;
    }

    /** Every category is rate limited now. */
    boolean allLimited() {
        return limits.allLimited();
    }

    /** Since when the server has not been reached, or null while it can be. */
    synchronized Instant failingSince() {
        return failingSince;
    }
}
