package org.sentry4j;

import java.util.Locale;

/**
 * Severity of a structured log (Sentry Logs), in that product's vocabulary: {@code warn}, not
 * {@code warning}, and {@code trace} below {@code debug}. Each level has the lowest OpenTelemetry
 * severity number of its range, as Sentry's log protocol asks.
 */
public enum SentryLogLevel {
    TRACE("trace", 1),
    DEBUG("debug", 5),
    INFO("info", 9),
    WARN("warn", 13),
    ERROR("error", 17),
    FATAL("fatal", 21);

    private final String wireName;
    private final int severityNumber;

    SentryLogLevel(String wireName, int severityNumber) {
        this.wireName = wireName;
        this.severityNumber = severityNumber;
    }

    /** The value of a log's {@code level}. */
    public String wireName() {
        return wireName;
    }

    /** The value of a log's {@code severity_number}. */
    public int severityNumber() {
        return severityNumber;
    }

    /**
     * Parses {@code trace|debug|info|warn|warning|error|fatal} (also {@code finest}…{@code severe} of
     * java.util.logging and {@code critical}), case-insensitively; null for anything else.
     */
    public static SentryLogLevel parse(String text) {
        if (text == null) {
            return null;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "trace":
            case "finest":
            case "finer":
                return TRACE;
            case "debug":
            case "fine":
            case "config":
                return DEBUG;
            case "info":
                return INFO;
            case "warn":
            case "warning":
                return WARN;
            case "error":
            case "severe":
                return ERROR;
            case "fatal":
            case "critical":
                return FATAL;
            default:
                return null;
        }
    }
}
