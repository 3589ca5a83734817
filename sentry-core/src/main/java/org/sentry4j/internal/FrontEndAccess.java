package org.sentry4j.internal;

import org.sentry4j.Sentry;
import org.sentry4j.SentryLevel;
import org.sentry4j.logging.LogMessageFormatter;
import org.sentry4j.logging.LogRecord;
import org.sentry4j.logging.LogRecordMapper;

/**
 * What {@link org.sentry4j.logging.LogFrontEnd} asks of the running client: {@link Sentry}'s package
 * installs the one implementation when it loads, since the hub is that package's own. Not API.
 */
public interface FrontEndAccess {
    boolean isEnabled();

    /** Whether a {@code beforeBreadcrumb} is set. */
    boolean hasBeforeBreadcrumb();

    /** The queue has room and the sample rate admits the event (its one draw); a "no" is counted. */
    boolean admitEvent();

    /** Whether a callback or an application's integration could read a hint's log record. */
    boolean needsRecordHints();

    /** {@code attachStacktrace}. */
    boolean attachesStacktrace();

    /** Queues a record {@link #admitEvent} admitted; whether it was queued. */
    boolean queueAdmitted(LogRecord record, LogRecordMapper mapper);

    /** A log breadcrumb whose message is formatted when an event carries it. */
    void addLogLine(long epochSecond, int nanoOfSecond, SentryLevel level, String logger, String template,
                    Object arguments, LogMessageFormatter formatter);

    /**
     * The {@link org.sentry4j.logging.LogLevel} ordinal from which records become structured logs
     * ({@code minimumLogLevel}), or {@link Integer#MAX_VALUE} when logs are off or no client runs.
     */
    int logThreshold();

    /**
     * Queues a record as a structured log with the trace of this thread's scope; false when it was not
     * (logs off, the log queue at its cap).
     */
    boolean captureLog(LogRecord record);

    /** The implementation; loads {@link Sentry} if nothing has yet. */
    static FrontEndAccess current() {
        if (Holder.installed == null) {
            Sentry.isEnabled(); // its class initializer installs it
        }
        return Holder.installed;
    }

    /** Called once, by {@link Sentry}'s class initializer; a second call changes nothing. */
    static void install(FrontEndAccess access) {
        synchronized (Holder.class) {
            if (Holder.installed == null) {
                Holder.installed = access;
            }
        }
    }

    /** Where {@link #install} keeps it. */
    final class Holder {
        private static volatile FrontEndAccess installed;

        private Holder() {
        }
    }
}
