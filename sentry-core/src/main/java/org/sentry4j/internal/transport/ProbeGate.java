package org.sentry4j.internal.transport;

/**
 * Lets requests go freely, in parallel, while the server's rate-limit state is known to be clear: at
 * start (a new process has seen no limit; its first events go at once), and while the last answer was a
 * 2xx (or another final status) without limits and requests kept flowing since. Otherwise (after a 429,
 * a rate-limit header or a failure, or once the sending went idle) one request goes alone as a probe
 * and the other senders wait for its answer, so a server that limits or fails sees one request, not
 * one per sender.
 */
final class ProbeGate {
    /** What {@link #enter} returns when the sender must wait for the probe's answer. */
    static final long WAIT = -1;

    private boolean clear = true;
    private boolean probing;
    private int inFlight;
    /** Counts closings: an answer to a request let through before the last closing cannot reopen. */
    private long epoch;

    /** {@link #WAIT}, or a ticket for the request, to hand back to {@link #answered}. */
    synchronized long enter() {
        if (clear) {
            inFlight++;
            return epoch << 1;
        }
        if (probing) {
            return WAIT;
        }
        probing = true;
        inFlight++;
        return (epoch << 1) | 1;
    }

    /**
     * The request let through with {@code ticket} got its answer: {@code clean} when it said nothing of
     * limits or failure; {@code moreWork} when more is waiting to be sent (else the flow went idle and
     * the next request probes again).
     */
    synchronized void answered(long ticket, boolean clean, boolean moreWork) {
        inFlight--;
        if ((ticket & 1) == 1) {
            probing = false;
        }
        if (!clean) {
            if (clear) {
                clear = false;
                epoch++;
            }
        } else if (ticket >>> 1 == epoch) { // answers to requests sent before the last closing say nothing now
            clear = moreWork || inFlight > 0;
        }
        notifyAll();
    }

    /** Waits up to {@code millis} for the probe's answer. */
    synchronized void await(long millis) throws InterruptedException {
        if (probing && !clear) {
            wait(millis);
        }
    }

    synchronized boolean clear() {
        return clear;
    }
}
