package org.sentry4j.transport;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of what a transport has done: envelopes waiting in memory, sent, spooled to disk and
 * dropped (items, by client-report reason), and since when the server has been failing (null when
 * healthy).
 */
public final class TransportStats {
    private static final TransportStats EMPTY = new TransportStats(0, 0, 0, Map.of(), null);

    private final int queued;
    private final long sent;
    private final long spooled;
    private final Map<String, Long> dropped;
    private final Instant failingSince;

    public TransportStats(int queued, long sent, long spooled, Map<String, Long> dropped, Instant failingSince) {
        this.queued = queued;
        this.sent = sent;
        this.spooled = spooled;
        this.dropped = Map.copyOf(dropped);
        this.failingSince = failingSince;
    }

    public static TransportStats empty() {
        return EMPTY;
    }

    public int queued() {
        return queued;
    }

    public long sent() {
        return sent;
    }

    /** Envelopes currently waiting on disk. */
    public long spooled() {
        return spooled;
    }

    /** Dropped items by reason ({@code queue_overflow}, …). */
    public Map<String, Long> dropped() {
        return dropped;
    }

    public long droppedTotal() {
        long total = 0;
        for (long n : dropped.values()) {
            total += n;
        }
        return total;
    }

    public Instant failingSince() {
        return failingSince;
    }

    @Override
    public String toString() {
        return "queued=" + queued + ", sent=" + sent + ", spooled=" + spooled + ", dropped=" + dropped
                + (failingSince == null ? "" : ", failing since " + failingSince);
    }
}
