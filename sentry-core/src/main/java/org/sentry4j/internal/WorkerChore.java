package org.sentry4j.internal;

/**
 * Work the SDK's worker does beside captures (batching structured logs): run between captures and
 * whenever the worker wakes, so that no thread of its own is needed; part of the worker's flush.
 */
public interface WorkerChore {
    /** A chore with nothing to do. */
    WorkerChore NONE = new WorkerChore() {
        @Override
        public void run() {
        }

        @Override
        public long requestFlush() {
            return 0;
        }

        @Override
        public boolean done(long mark) {
            return true;
        }
    };

    /** Runs on the worker; returns at once when there is nothing due. */
    void run();

    /** Asks that everything handed over so far be done at the next {@link #run}; returns the mark to wait for. */
    long requestFlush();

    /** Whether everything up to {@code mark} (from {@link #requestFlush}) is done. */
    boolean done(long mark);
}
