package org.sentry4j.log4j2;

import org.apache.logging.log4j.Level;
import org.sentry4j.logging.LogLevel;

/**
 * Log4j2 levels ({@link Level#intLevel()}: lower is more severe) on the front-end's scale. A custom level
 * falls into the band of the next standard level below it in severity, as a record and as a threshold.
 */
final class Severity {
    private Severity() {
    }

    static LogLevel toLogLevel(int intLevel) {
        if (intLevel <= Level.FATAL.intLevel()) {
            return LogLevel.FATAL;
        }
        if (intLevel <= Level.ERROR.intLevel()) {
            return LogLevel.ERROR;
        }
        if (intLevel <= Level.WARN.intLevel()) {
            return LogLevel.WARN;
        }
        if (intLevel <= Level.INFO.intLevel()) {
            return LogLevel.INFO;
        }
        return intLevel <= Level.DEBUG.intLevel() ? LogLevel.DEBUG : LogLevel.TRACE;
    }

    /** A threshold on the front-end's scale: OFF is null. */
    static LogLevel threshold(int intLevel) {
        return intLevel == Level.OFF.intLevel() ? null : toLogLevel(intLevel);
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
