package org.sentry4j.internal.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * At close, what is still in memory (the queue, the overflow hand-off, the spool thread's inbox): written
 * to the spool before a hard stop, dropped and counted as {@code queue_overflow} after it. Close drains
 * once the threads should have stopped and again after its last wait for them. A thread may still put
 * an envelope back after that (a sender whose request was only just aborted, a spool thread that
 * outlived the wait); it then drains it itself ({@link #afterPut}), so nothing stays in memory uncounted.
 */
final class Leftovers {
    private final SendQueue queue;
    private final OverflowHandOff overflow;
    private final SpoolWorker spoolWorker;
    private final SpoolWriter writer;
    private volatile long hardStop;
    private volatile boolean finished;

    /** @param spoolWorker null without a spool */
    Leftovers(SendQueue queue, OverflowHandOff overflow, SpoolWorker spoolWorker, SpoolWriter writer) {
        this.queue = queue;
        this.overflow = overflow;
        this.spoolWorker = spoolWorker;
        this.writer = writer;
    }

    /** Writes what is in memory now, in batches, if {@code hardStop} has not passed; how many were dropped. */
    int drain(long hardStop) {
        int dropped = 0;
        int limit = writer.batchLimit();
        List<Pending> batch = new ArrayList<>(limit);
        Pending p;
        while ((p = queue.poll()) != null || (p = overflow.poll()) != null
                || (spoolWorker != null && (p = spoolWorker.pollInbox()) != null)) {
            batch.add(p);
            if (batch.size() >= limit) {
                dropped += writer.storeBefore(batch, hardStop);
            }
        }
        return dropped + writer.storeBefore(batch, hardStop);
    }

    /** Close's last drain, after its last wait for the threads; from now on {@link #afterPut} drains. */
    int finish(long hardStop) {
        this.hardStop = hardStop;
        finished = true; // before the drain: a put after it either is seen below or sees this flag
        return drain(hardStop);
    }

    /**
     * Called after putting an envelope into memory. Once close has finished, whoever put it there drains
     * it: an SDK thread ({@code mayWrite}) spools it before the hard stop, an application thread (which
     * never touches the disk) drops it, counted.
     */
    void afterPut(boolean mayWrite) {
        if (finished) {
            drain(mayWrite ? hardStop : System.nanoTime());
        }
    }
}
