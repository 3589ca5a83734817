package org.sentry4j.benchmarks;

/** Fresh exceptions with about {@link #FRAMES} stack frames, as an application error would have. */
final class Failures {
    static final int FRAMES = 30;

    private Failures() {
    }

    /**
     * How many frames to add below the current stack to reach {@link #FRAMES}; measured once per call
     * site (walking the stack is costly), not per exception.
     */
    static int padding() {
        return Math.max(0, FRAMES - new Throwable().getStackTrace().length);
    }

    /** A new exception {@code padding} frames deeper than the caller. */
    static RuntimeException create(int padding) {
        return padding <= 0 ? new IllegalStateException("payment declined by the card issuer") : create(padding - 1);
    }
}
