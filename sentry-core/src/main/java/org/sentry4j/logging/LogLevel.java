package org.sentry4j.logging;

import java.util.Locale;
import org.sentry4j.SentryLevel;
import org.sentry4j.SentryLogLevel;

/**
 * The severity scale every front-end maps its framework's levels onto, least severe first; thresholds
 * ({@code minimumEventLevel}, {@code minimumBreadcrumbLevel}) are given on it too. Events and
 * breadcrumbs carry the {@link #sentryLevel() Sentry level} (which has no trace: trace becomes debug),
 * structured logs the {@link #logLevel() log level}.
 */
public enum LogLevel {
    TRACE(SentryLevel.DEBUG, SentryLogLevel.TRACE),
    DEBUG(SentryLevel.DEBUG, SentryLogLevel.DEBUG),
    INFO(SentryLevel.INFO, SentryLogLevel.INFO),
    WARN(SentryLevel.WARNING, SentryLogLevel.WARN),
    ERROR(SentryLevel.ERROR, SentryLogLevel.ERROR),
    FATAL(SentryLevel.FATAL, SentryLogLevel.FATAL);

    private final SentryLevel sentryLevel;
    private final SentryLogLevel logLevel;

    LogLevel(SentryLevel sentryLevel, SentryLogLevel logLevel) {
        this.sentryLevel = sentryLevel;
        this.logLevel = logLevel;
    }

    /** The level of a structured log made from a record at this level (same order, same names). */
    public SentryLogLevel logLevel() {
        return logLevel;
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
