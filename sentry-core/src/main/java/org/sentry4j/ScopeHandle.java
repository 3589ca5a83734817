package org.sentry4j;

/** Pops a pushed scope when closed; use with try-with-resources. Closing twice does nothing. */
public final class ScopeHandle implements AutoCloseable {
    private final Runnable pop;
    private boolean closed;

    ScopeHandle(Runnable pop) {
        this.pop = pop;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pop.run();
        }
    }
}
