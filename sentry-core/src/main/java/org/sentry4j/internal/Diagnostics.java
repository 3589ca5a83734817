package org.sentry4j.internal;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK's own voice: lines on stderr when {@code debug} is on, never through a logging framework.
 * {@link #once} says a thing a single time per client, {@link #throttled} at most once per interval.
 */
public final class Diagnostics {
    private final boolean enabled;
    private final Clock clock;
    private final PrintStream out;
    private final Set<String> said = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Instant> lastSaid = new ConcurrentHashMap<>();

    public Diagnostics(boolean enabled, Clock clock, PrintStream out) {
        this.enabled = enabled;
        this.clock = clock;
        this.out = out;
    }

    public boolean enabled() {
        return enabled;
    }

    public void debug(String message) {
        if (enabled) {
            out.println("[sentry4j] " + message);
        }
    }

    public void debug(String message, Throwable t) {
        if (enabled) {
            out.println("[sentry4j] " + message + ": " + describe(t));
        }
    }

    /** Says {@code message} the first time {@code key} is seen. */
    public void once(String key, String message) {
        if (enabled && said.add(key)) {
            debug(message);
        }
    }

    /** Says {@code message} unless {@code key} was said less than {@code interval} ago. */
    public void throttled(String key, Duration interval, String message) {
        if (!enabled) {
            return;
        }
        Instant now = clock.instant();
        Instant[] fire = new Instant[1];
        lastSaid.compute(key, (k, last) -> {
            if (last == null || !now.isBefore(last.plus(interval))) {
                fire[0] = now;
                return now;
            }
            return last;
        });
        if (fire[0] != null) {
            debug(message);
        }
    }

    /** A throwable as one line, never throwing itself. */
    public static String describe(Throwable t) {
        if (t == null) {
            return "null";
        }
        String message;
        try {
            message = t.getMessage();
        } catch (RuntimeException e) {
            message = "<getMessage() threw " + e.getClass().getName() + ">";
        }
        return t.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
