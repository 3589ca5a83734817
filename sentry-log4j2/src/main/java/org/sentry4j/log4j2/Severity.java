package org.sentry4j.log4j2;

import org.apache.logging.log4j.Level;
import org.sentry4j.SentryLevel;

/**
 * Log4j2 levels as plain ints ({@link Level#intLevel()}: lower is more severe), so that the appender's
 * threshold checks are an int compare, and their Sentry equivalents. Custom levels fall into the band of
 * the next standard level below them in severity.
 */
final class Severity {
    private Severity() {
    }

    static SentryLevel toSentry(int intLevel) {
        if (intLevel <= Level.FATAL.intLevel()) {
            return SentryLevel.FATAL;
        }
        if (intLevel <= Level.ERROR.intLevel()) {
            return SentryLevel.ERROR;
        }
        if (intLevel <= Level.WARN.intLevel()) {
            return SentryLevel.WARNING;
        }
        if (intLevel <= Level.INFO.intLevel()) {
            return SentryLevel.INFO;
        }
        return SentryLevel.DEBUG;
    }

    /**
     * A threshold attribute's value: a level name (standard or custom, any case).
     *
     * @throws IllegalArgumentException naming the attribute when the name is not a level
     */
    static int parse(String attribute, String text, Level fallback) {
        if (text == null || text.isBlank()) {
            return fallback.intLevel();
        }
        Level level = Level.getLevel(text.trim().toUpperCase(java.util.Locale.ROOT));
        if (level == null) {
            throw new IllegalArgumentException(attribute + ": '" + text + "' is not a Log4j2 level"
                    + " (OFF, FATAL, ERROR, WARN, INFO, DEBUG, TRACE, ALL or a custom level)");
        }
        return level.intLevel();
    }
}
