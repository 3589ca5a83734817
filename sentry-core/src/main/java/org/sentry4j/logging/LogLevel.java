package org.sentry4j.logging;

import java.util.Locale;
import org.sentry4j.SentryLevel;

/**
 * The severity scale every front-end maps its framework's levels onto, least severe first; thresholds
 * ({@code minimumEventLevel}, {@code minimumBreadcrumbLevel}) are given on it too. Events and
 * breadcrumbs carry the {@link #sentryLevel() Sentry level} (which has no trace: trace becomes debug).
 */
public enum LogLevel {
    TRACE(SentryLevel.DEBUG),
    DEBUG(SentryLevel.DEBUG),
    INFO(SentryLevel.INFO),
    WARN(SentryLevel.WARNING),
    ERROR(SentryLevel.ERROR),
    FATAL(SentryLevel.FATAL);

    private final SentryLevel sentryLevel;

    LogLevel(SentryLevel sentryLevel) {
        this.sentryLevel = sentryLevel;
    }

    /** The level of an event or breadcrumb made from a record at this level. */
    public SentryLevel sentryLevel() {
        return sentryLevel;
    }

    /** Whether a record at this level passes {@code threshold}; a null threshold (OFF) passes nothing. */
    public boolean isAtLeast(LogLevel threshold) {
        return threshold != null && compareTo(threshold) >= 0;
    }

    /**
     * A level by name, any case: {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN}
     * ({@code WARNING}), {@code ERROR}, {@code FATAL}; {@code ALL} is TRACE. Null for {@code OFF}, and
     * for a name that is no level (see {@link #isName}).
     */
    public static LogLevel parse(String text) {
        if (text == null) {
            return null;
        }
        switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "ALL":
            case "TRACE":
                return TRACE;
            case "DEBUG":
                return DEBUG;
            case "INFO":
                return INFO;
            case "WARN":
            case "WARNING":
                return WARN;
            case "ERROR":
                return ERROR;
            case "FATAL":
                return FATAL;
            default:
                return null;
        }
    }

    /** Whether {@link #parse} understands {@code text}: a level's name or {@code OFF}. */
    public static boolean isName(String text) {
        return text != null && (parse(text) != null || text.trim().equalsIgnoreCase("OFF"));
    }
}
