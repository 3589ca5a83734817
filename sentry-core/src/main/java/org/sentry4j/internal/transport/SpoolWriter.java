package org.sentry4j.internal.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Envelope;

/**
 * Puts envelopes that cannot be sent now on disk, in batch files per category, and counts each one
 * settled for flush; what the disk refuses (or all of it without a spool) is dropped and counted.
 * Envelopes read from the spool are only released: their file still holds them.
 */
final class SpoolWriter {
    private final DiskSpool spool;
    private final ClientReports reports;
    private final FlushTracker tracker;
    private final Diagnostics diagnostics;
    /** The first slice written against a hard stop, before the disk's pace is known. */
    static final int FIRST_SLICE = 32;
    /** The disk's pace in the last slice written against a hard stop (close, and a late hand-off after it). */
    private volatile long nanosPerEnvelope;

    SpoolWriter(DiskSpool spool, ClientReports reports, FlushTracker tracker, Diagnostics diagnostics) {
        this.spool = spool;
        this.reports = reports;
        this.tracker = tracker;
        this.diagnostics = diagnostics;
    }

    /** How many envelopes one file takes. */
    int batchLimit() {
        return spool == null ? DiskSpool.MAX_BATCH : spool.batchLimit();
    }

    /** Writes the batch; what cannot be kept is counted as {@code reason}. */
    void store(List<Pending> batch, DiscardReason reason) {
        List<Pending> refused = storeOrRefuse(batch);
        for (Pending p : refused) {
            reports.recordItems(p.envelope, reason);
            tracker.settle(p);
        }
        if (!refused.isEmpty()) {
            diagnostics.throttled("transport.dropped", Duration.ofMinutes(1), refused.size()
                    + " envelope(s) could be neither sent nor spooled; dropped as " + reason.wireName());
        }
    }

    /**
     * Writes the batch; returns what the disk did not take (spool off, unusable or failing), neither
     * counted nor settled: the caller keeps it in memory, or drops and counts it.
     */
    List<Pending> storeOrRefuse(List<Pending> batch) {
        List<Pending> notKept = new ArrayList<>();
        Map<String, List<Pending>> byCategory = new LinkedHashMap<>();
        for (Pending p : batch) {
            if (p.fromSpool()) {
                spool.release(p.spoolFile, p.spoolPosition);
            } else {
                byCategory.computeIfAbsent(p.category(), c -> new ArrayList<>()).add(p);
            }
        }
        for (Map.Entry<String, List<Pending>> group : byCategory.entrySet()) {
            List<Envelope> envelopes = new ArrayList<>(group.getValue().size());
            for (Pending p : group.getValue()) {
                envelopes.add(p.envelope);
            }
            List<Envelope> refused = spool == null ? envelopes : spool.store(envelopes, group.getKey());
            Set<Envelope> refusedSet = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            refusedSet.addAll(refused);
            for (Pending p : group.getValue()) {
                if (refusedSet.contains(p.envelope)) {
                    notKept.add(p);
                } else {
                    tracker.settle(p);
                }
            }
        }
        return notKept;
    }

    /**
     * Writes the batch in slices, each begun only when the disk's pace so far says it ends well before
     * {@code hardStop} (a slice takes at most half the time left, so a disk twice as slow as measured
     * still stops in time); drops what cannot be written (counted as network_error: the server did not
     * take it by close's deadline, nor the disk by its hard stop); empties the batch and returns how
     * many were dropped.
     */
    int storeBefore(List<Pending> batch, long hardStop) {
        int from = 0;
        while (from < batch.size()) {
            long start = System.nanoTime();
            long half = hardStop == Long.MAX_VALUE ? Long.MAX_VALUE : (hardStop - start) / 2; // MAX: no hard stop
            long perEnvelope = nanosPerEnvelope;
            int n = perEnvelope == 0 ? FIRST_SLICE : (int) Math.min(batchLimit(), half / perEnvelope);
            n = Math.min(n, batch.size() - from);
            if (half <= 0 || n <= 0) {
                break;
            }
            store(new ArrayList<>(batch.subList(from, from + n)), DiscardReason.NETWORK_ERROR);
            nanosPerEnvelope = Math.max(1, (System.nanoTime() - start) / n);
            from += n;
        }
        int dropped = 0;
        for (Pending p : batch.subList(from, batch.size())) {
            if (p.fromSpool()) {
                continue; // still on disk
            }
            reports.recordItems(p.envelope, DiscardReason.NETWORK_ERROR);
            tracker.settle(p);
            dropped++;
        }
        batch.clear();
        return dropped;
    }
}
