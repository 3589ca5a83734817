package org.sentry4j.integration;

import java.time.Duration;
import org.sentry4j.Hint;
import org.sentry4j.Sentry;
import org.sentry4j.SentryEvent;
import org.sentry4j.SentryLevel;
import org.sentry4j.internal.SdkThread;
import org.sentry4j.protocol.Mechanism;

/**
 * Reports exceptions that kill a thread: a default uncaught-exception handler captures them as
 * {@code fatal}, unhandled events, waits (up to the shutdown timeout) until they are delivered or
 * spooled, and then hands over to the handler that was installed before, so the JVM's usual behaviour
 * is kept.
 */
public final class UncaughtExceptionHandlerIntegration implements Integration {
    static final String MECHANISM = "UncaughtExceptionHandler";

    private volatile Handler handler;

    @Override
    public String name() {
        return MECHANISM;
    }

    @Override
    public void install(Installation installation) {
        Handler h = new Handler(Thread.getDefaultUncaughtExceptionHandler(), installation.options().shutdownTimeout());
        Thread.setDefaultUncaughtExceptionHandler(h);
        handler = h;
    }

    @Override
    public void uninstall() {
        Handler h = handler;
        if (h == null) {
            return;
        }
        handler = null;
        h.active = false; // if someone chained onto us, we stay in their chain as a pass-through
        if (Thread.getDefaultUncaughtExceptionHandler() == h) {
            Thread.setDefaultUncaughtExceptionHandler(firstActive(h.previous));
        }
    }

    /** Skips handlers of ours that were uninstalled while another one of ours sat on top (re-init). */
    private static Thread.UncaughtExceptionHandler firstActive(Thread.UncaughtExceptionHandler handler) {
        Thread.UncaughtExceptionHandler h = handler;
        while (h instanceof Handler && !((Handler) h).active) {
            h = ((Handler) h).previous;
        }
        return h;
    }

    /** A distinct type, so that a handler can recognise an older one of ours (re-init) in its chain. */
    static final class Handler implements Thread.UncaughtExceptionHandler {
        final Thread.UncaughtExceptionHandler previous;
        private final Duration flushTimeout;
        volatile boolean active = true;

        Handler(Thread.UncaughtExceptionHandler previous, Duration flushTimeout) {
            this.previous = previous;
            this.flushTimeout = flushTimeout;
        }

        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            // An SDK thread's death is not the application's error, and flushing from it could wait on itself.
            if (active && !(thread instanceof SdkThread)) {
                capture(error);
            }
            passOn(thread, error);
        }

        private void capture(Throwable error) {
            try {
                SentryEvent event = new SentryEvent(error);
                event.setLevel(SentryLevel.FATAL);
                String id = Sentry.captureEvent(event, Hint.ofThrowable(error), Mechanism.of(MECHANISM, false));
                if (!Sentry.EMPTY_ID.equals(id)) {
                    Sentry.flush(flushTimeout);
                }
            } catch (Throwable t) { // NOPMD: the dying thread must still reach the previous handler
                // nothing sensible to do: Sentry.* does not throw, this is belt and braces
            }
        }

        /** Continues the chain without capturing: an older handler of ours (re-init) has nothing to add. */
        private void passOn(Thread thread, Throwable error) {
            Thread.UncaughtExceptionHandler next = previous;
            while (next instanceof Handler) {
                next = ((Handler) next).previous;
            }
            if (next != null) {
                next.uncaughtException(thread, error);
            } else if (!(error instanceof ThreadDeath)) {
                // What ThreadGroup.uncaughtException does when no handler is set.
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                error.printStackTrace(System.err);
            }
        }
    }
}
