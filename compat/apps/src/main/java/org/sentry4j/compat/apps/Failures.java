package org.sentry4j.compat.apps;

import java.io.IOException;

/** The exception every program logs: a chain of two, so the test sees the chain arrive whole. */
final class Failures {
    private Failures() {
    }

    static IllegalStateException chained() {
        try {
            charge();
            throw new AssertionError("unreachable");
        } catch (IOException e) {
            return new IllegalStateException("payment failed for order 17", e);
        }
    }

    private static void charge() throws IOException {
        throw new IOException("connection reset by the payment gateway");
    }
}
