package org.sentry4j;

import java.util.Locale;

/** Severity of an event or breadcrumb, in Sentry's own vocabulary (note {@code warning}, not {@code warn}). */
public enum SentryLevel {
    DEBUG("debug"),
    INFO("info"),
    WARNING("warning"),
    ERROR("error"),
    FATAL("fatal");

    private final String wireName;

    SentryLevel(String wireName) {
        this.wireName = wireName;
    }

    /** The value as it appears in the event JSON. */
    public String wireName() {
        return wireName;
    }

    /** Parses {@code debug|info|warning|warn|error|fatal}, case-insensitively; null for anything else. */
    public static SentryLevel parse(String text) {
        if (text == null) {
            return null;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "debug":
            case "trace":
                return DEBUG;
            case "info":
                return INFO;
            case "warn":
            case "warning":
                return WARNING;
            case "error":
                return ERROR;
            case "fatal":
            case "critical":
                return FATAL;
            default:
                return null;
        }
    }
}
