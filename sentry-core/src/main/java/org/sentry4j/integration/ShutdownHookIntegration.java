package org.sentry4j.integration;

import org.sentry4j.Sentry;
import org.sentry4j.internal.SdkThread;

/**
 * Delivers what is still queued when the JVM exits without {@code Sentry.close()}: a shutdown hook
 * closes the SDK, which flushes within {@code shutdownTimeout}. The hook is removed again when the
 * SDK is closed, so re-initialising never piles up hooks.
 */
public final class ShutdownHookIntegration implements Integration {
    private final Runnable closing;
    private volatile Thread hook;

    public ShutdownHookIntegration() {
        this(Sentry::close);
    }

    /** For tests: what the hook runs. */
    ShutdownHookIntegration(Runnable closing) {
        this.closing = closing;
    }

    @Override
    public String name() {
        return "ShutdownHook";
    }

    @Override
    public void install(Installation installation) {
        Thread t = new SdkThread("shutdown-hook", Thread.NORM_PRIORITY, this::runHook); // closing has a deadline
        Runtime.getRuntime().addShutdownHook(t);
        hook = t;
    }

    /** The hook's body: close, never throw (a throwing hook prints a stack trace at every exit). */
    void runHook() {
        try {
            closing.run();
        } catch (Throwable t) { // NOPMD: an Error too: nothing left to tell at JVM exit
            // ignored on purpose
        }
    }

    @Override
    public void uninstall() {
        Thread t = hook;
        hook = null;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(t);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or about to, and that is fine
        }
    }

    /** The registered hook, or null; for tests. */
    Thread hookThread() {
        return hook;
    }
}
