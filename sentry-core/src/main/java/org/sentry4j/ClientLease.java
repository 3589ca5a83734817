package org.sentry4j;

import java.time.Duration;

/**
 * A logging appender's hold on the shared client (see {@link Sentry#acquire}). Releasing flushes;
 * the last release of a client that an appender started also closes it. Releasing twice does nothing.
 */
public final class ClientLease implements AutoCloseable {
    private final String frontEnd;
    private boolean released;

    /** @param frontEnd the package of the appender module holding it, or null */
    ClientLease(String frontEnd) {
        this.frontEnd = frontEnd;
    }

    /** Flushes within {@code timeout} and gives up the hold. */
    public void release(Duration timeout) {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        Sentry.release(timeout, frontEnd);
    }

    /** Releases with the client's shutdown timeout. */
    @Override
    public void close() {
        release(Sentry.shutdownTimeout());
    }
}
